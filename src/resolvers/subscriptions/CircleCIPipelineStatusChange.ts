import type { CircleCiPipelineStatusChangeResolvers } from '../../generated/graphql.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';

/** Resolvers of `CircleCIPipelineStatusChange`. */
export const CircleCIPipelineStatusChange: CircleCiPipelineStatusChangeResolvers = {
  pipeline: (event, _args, { loaders }) => loadOrNull(loaders.circleci.pipeline, event.pipelineId),
};
