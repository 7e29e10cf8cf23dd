import type { CircleCiWorkflowResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { CircleCiWorkflowModel } from '../../upstreams/circleci/models.js';
import type { KeyResolversOf } from '../prefetch.js';

/** The `CircleCIWorkflow` fields that need only the workflow's id (started with the workflow; see loadPrefetching). */
export const circleCiWorkflowByKey: KeyResolversOf<CircleCiWorkflowResolvers, 'jobs', Pick<CircleCiWorkflowModel, 'id'>> = {
  jobs: (workflow, args, { loaders }) => loaders.circleci.jobsOfWorkflow(workflow.id, args),
};

/** Resolvers of `CircleCIWorkflow`. */
export const CircleCIWorkflow: CircleCiWorkflowResolvers = {
  id: globalIdOf<CircleCiWorkflowModel>('CircleCIWorkflow', (workflow) => workflow.id),
  service: () => 'CIRCLECI',
  workflowId: (workflow) => workflow.id,
  status: (workflow) => workflow.rawStatus,
  workflowStatus: (workflow) => workflow.status,
  pipeline: (workflow, _args, { loaders }) => loadOrNull(loaders.circleci.pipeline, workflow.pipelineId),
  ...circleCiWorkflowByKey,
  startedByUser: (workflow, _args, { loaders }) => (workflow.startedBy === null ? null : loadOrNull(loaders.circleci.user, workflow.startedBy)),
  canceledByUser: (workflow, _args, { loaders }) => (workflow.canceledBy === null ? null : loadOrNull(loaders.circleci.user, workflow.canceledBy)),
};
