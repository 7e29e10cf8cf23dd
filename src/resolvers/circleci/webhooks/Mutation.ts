import type { MutationResolvers } from '../../../generated/graphql.js';
import { nativeUuid, requireText, requireUuid } from '../shared/validate.js';
import { requireSecret, requireWebhookUrl, updateFields, wireEvents } from './validate.js';

/** The CircleCI `Mutation` fields. */
export const Mutation: MutationResolvers = {
  circleciCreateWebhook: (_root, { input }, { loaders }) => {
    const fields = {
      name: requireText(input.name, 'name', 255),
      url: requireWebhookUrl(input.url),
      events: wireEvents(input.events),
      'verify-tls': input.verifyTls ?? true,
      'signing-secret': requireSecret(input.signingSecret),
    };
    return loaders.circleci.webhooks.create(fields, { id: requireUuid(input.scopeId, 'scopeId'), type: (input.scopeType ?? 'PROJECT').toLowerCase() });
  },
  circleciUpdateWebhook: (_root, { input }, { loaders }) => {
    const id = nativeUuid(input.id, 'CircleCIWebhook', 'id');
    return loaders.circleci.webhooks.update(id, updateFields(input));
  },
  circleciDeleteWebhook: async (_root, { input }, { loaders }) => {
    const id = nativeUuid(input.id, 'CircleCIWebhook', 'id');
    return { deletedWebhookId: id, message: await loaders.circleci.webhooks.delete(id) };
  },
};
