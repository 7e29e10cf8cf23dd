import type { CircleCiPipelineResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { CircleCiPipelineModel } from '../../upstreams/circleci/models.js';
import type { KeyResolversOf } from '../prefetch.js';
import { circleCiRunState } from '../../upstreams/runState.js';

/** The `CircleCIPipeline` fields that need only the pipeline's id (started with the pipeline; see loadPrefetching). */
export const circleCiPipelineByKey: KeyResolversOf<CircleCiPipelineResolvers, 'workflows' | 'config', Pick<CircleCiPipelineModel, 'id'>> = {
  workflows: (pipeline, args, { loaders }) => loaders.circleci.workflowsOfPipeline(pipeline.id, args),
  config: (pipeline, _args, { loaders }) => loadOrNull(loaders.circleci.pipelineConfig, pipeline.id),
};

/** Resolvers of `CircleCIPipeline`. */
export const CircleCIPipeline: CircleCiPipelineResolvers = {
  id: globalIdOf<CircleCiPipelineModel>('CircleCIPipeline', (pipeline) => pipeline.id),
  service: () => 'CIRCLECI',
  pipelineId: (pipeline) => pipeline.id,
  status: (pipeline) => pipeline.rawState,
  // The first page of workflows: the same call as `workflows` asks for, so one call serves both.
  runState: async (pipeline, _args, { loaders }) => circleCiRunState(pipeline, (await loaders.circleci.workflowsPage(pipeline.id, null)).items),
  project: (pipeline, _args, { loaders }) => loadOrNull(loaders.circleci.project, pipeline.projectSlug),
  ...circleCiPipelineByKey,
};
