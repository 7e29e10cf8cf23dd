import type { CircleCiWorkflowRunResolvers } from '../../../generated/graphql.js';
import { loadOrNull } from '../../../upstreams/loaderUtils.js';

/** Resolvers of `CircleCIWorkflowRun`. */
export const CircleCIWorkflowRun: CircleCiWorkflowRunResolvers = {
  workflowId: (run) => run.id,
  workflow: (run, _args, { loaders }) => loadOrNull(loaders.circleci.workflow, run.id),
};
