import type { CircleCiWebhookResolvers } from '../../../generated/graphql.js';
import { globalIdOf } from '../../../relay/globalId.js';
import type { CircleCiWebhookModel } from '../../../upstreams/circleci/webhooks/models.js';

/** Resolvers of `CircleCIWebhook`. */
export const CircleCIWebhook: CircleCiWebhookResolvers = {
  id: globalIdOf<CircleCiWebhookModel>('CircleCIWebhook', (webhook) => webhook.id),
  service: () => 'CIRCLECI',
  webhookId: (webhook) => webhook.id,
  active: () => true,
};
