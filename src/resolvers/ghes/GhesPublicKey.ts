import type { GhesPublicKeyResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import type { GhesPublicKeyModel } from '../../upstreams/ghes/models.js';

/** Resolvers of `GhesPublicKey`. */
export const GhesPublicKey: GhesPublicKeyResolvers = {
  id: globalIdOf<GhesPublicKeyModel>('GhesPublicKey', (key) => key.id),
  service: () => 'GHES',
  keyId: (key) => key.id,
};
