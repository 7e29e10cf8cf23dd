import type { CircleCiJobDetailsResolvers } from '../../generated/graphql.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';

/** Resolvers of `CircleCIJobDetails`. */
export const CircleCIJobDetails: CircleCiJobDetailsResolvers = {
  project: (job, _args, { loaders }) => loadOrNull(loaders.circleci.project, job.projectSlug),
  workflow: (job, _args, { loaders }) => (job.latestWorkflowId === null ? null : loadOrNull(loaders.circleci.workflow, job.latestWorkflowId)),
  pipeline: (job, _args, { loaders }) => (job.pipelineId === null ? null : loadOrNull(loaders.circleci.pipeline, job.pipelineId)),
  artifacts: (job, args, { loaders }) => loaders.circleci.artifactsOfJob({ projectSlug: job.projectSlug, number: job.number }, args),
  tests: (job, args, { loaders }) => loaders.circleci.testsOfJob({ projectSlug: job.projectSlug, number: job.number }, args),
};
