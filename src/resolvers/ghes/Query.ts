import type { QueryResolvers } from '../../generated/graphql.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { assertGhesId, lowerOrNull } from './ids.js';

const order = (args: { sort?: string | null | undefined; direction?: string | null | undefined }): { sort: string | null; direction: 'asc' | 'desc' | null } => ({
  sort: lowerOrNull(args.sort),
  direction: lowerOrNull(args.direction) as 'asc' | 'desc' | null,
});

/** The GHES `Query` fields. */
export const Query: QueryResolvers = {
  ghesGlobalWebhooks: (_root, args, { loaders }) => loaders.ghes.globalWebhooks(args),
  ghesGlobalWebhook: (_root, { id }, { loaders }) => loadOrNull(loaders.ghes.globalWebhook, assertGhesId(id, 'GhesGlobalWebhook')),
  ghesPublicKeys: (_root, args, { loaders }) => loaders.ghes.publicKeys({ ...args, ...order(args) }),
  ghesPreReceiveEnvironments: (_root, args, { loaders }) => loaders.ghes.preReceiveEnvironments({ ...args, ...order(args) }),
  ghesPreReceiveEnvironment: (_root, { id }, { loaders }) =>
    loadOrNull(loaders.ghes.preReceiveEnvironment, assertGhesId(id, 'GhesPreReceiveEnvironment')),
};
