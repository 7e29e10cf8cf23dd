import type { QueryResolvers } from '../../generated/graphql.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';

export const Query: QueryResolvers = {
  circleciProject: (_root, { slug }, { loaders }) => loadOrNull(loaders.circleci.project, slug),
  circleciPipeline: (_root, { id }, { loaders }) => loadOrNull(loaders.circleci.pipeline, id),
  circleciWorkflow: (_root, { id }, { loaders }) => loadOrNull(loaders.circleci.workflow, id),
};
