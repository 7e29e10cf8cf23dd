import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { NodeFetchers } from '../node/NodeFetchers.js';
import { numericKey } from './ids.js';

/** How `node(id:)` fetches each GHES type from its global id's key. */
export const ghesNodes: NodeFetchers = {
  GhesGlobalWebhook: async (key, { loaders }) => {
    const id = numericKey(key);
    return id === null ? null : loadOrNull(loaders.ghes.globalWebhook, id);
  },
  GhesPreReceiveEnvironment: async (key, { loaders }) => {
    const id = numericKey(key);
    return id === null ? null : loadOrNull(loaders.ghes.preReceiveEnvironment, id);
  },
  // GHES has no get-one for keys: the loader scans `/admin/keys` pages.
  GhesPublicKey: async (key, { loaders }) => {
    const id = numericKey(key);
    return id === null ? null : loadOrNull(loaders.ghes.publicKey, id);
  },
};
