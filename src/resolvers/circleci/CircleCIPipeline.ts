import type { CircleCiPipelineResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { CircleCiPipelineModel } from '../../upstreams/circleci/models.js';

/** Resolvers of `CircleCIPipeline`. */
export const CircleCIPipeline: CircleCiPipelineResolvers = {
  id: globalIdOf<CircleCiPipelineModel>('CircleCIPipeline', (pipeline) => pipeline.id),
  service: () => 'CIRCLECI',
  pipelineId: (pipeline) => pipeline.id,
  status: (pipeline) => pipeline.rawState,
  project: (pipeline, _args, { loaders }) => loadOrNull(loaders.circleci.project, pipeline.projectSlug),
  workflows: (pipeline, args, { loaders }) => loaders.circleci.workflowsOfPipeline(pipeline.id, args),
  config: (pipeline, _args, { loaders }) => loadOrNull(loaders.circleci.pipelineConfig, pipeline.id),
};
