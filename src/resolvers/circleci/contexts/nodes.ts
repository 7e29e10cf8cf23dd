import { loadOrNull } from '../../../upstreams/loaderUtils.js';
import type { NodeFetchers } from '../../node/NodeFetchers.js';

/** Node fetchers of contexts and their restrictions. */
export const contextNodes: NodeFetchers = {
  CircleCIContext: (key, { loaders }) => loadOrNull(loaders.circleci.contexts.context, key),
  CircleCIContextRestriction: async (key, { loaders }) => {
    const [contextId = '', restrictionId] = key.split('/');
    const restrictions = await loadOrNull(loaders.circleci.contexts.restrictions, contextId);
    return restrictions?.find((restriction) => restriction.id === restrictionId) ?? null;
  },
};
