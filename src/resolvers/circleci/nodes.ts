import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { NodeFetchers } from '../node/NodeFetchers.js';

/** How `node(id:)` fetches each CircleCI type from its global id's key. */
export const circleCiNodes: NodeFetchers = {
  CircleCIProject: (key, { loaders }) => loadOrNull(loaders.circleci.project, key),
  CircleCIPipeline: (key, { loaders }) => loadOrNull(loaders.circleci.pipeline, key),
  CircleCIWorkflow: (key, { loaders }) => loadOrNull(loaders.circleci.workflow, key),
};
