import type { GhesGlobalWebhookResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import type { GhesGlobalWebhookModel } from '../../upstreams/ghes/models.js';

/** Resolvers of `GhesGlobalWebhook`. */
export const GhesGlobalWebhook: GhesGlobalWebhookResolvers = {
  id: globalIdOf<GhesGlobalWebhookModel>('GhesGlobalWebhook', (hook) => hook.id),
  service: () => 'GHES',
  hookId: (hook) => hook.id,
};
