import type { MutationResolvers } from '../../../generated/graphql.js';
import { assertNativeUuid, assertText, assertUuid } from '../shared/validation.js';
import { assertSigningSecret, assertWebhookUrl, assertWebhookUpdate, assertWebhookEvents } from './validation.js';

/** The CircleCI `Mutation` fields. */
export const Mutation: MutationResolvers = {
  circleciCreateWebhook: (_root, { input }, { loaders }) => {
    const fields = {
      name: assertText(input.name, 'name', 255),
      url: assertWebhookUrl(input.url),
      events: assertWebhookEvents(input.events),
      'verify-tls': input.verifyTls ?? true,
      'signing-secret': assertSigningSecret(input.signingSecret),
    };
    return loaders.circleci.webhooks.create(fields, { id: assertUuid(input.scopeId, 'scopeId'), type: (input.scopeType ?? 'PROJECT').toLowerCase() });
  },
  circleciUpdateWebhook: (_root, { input }, { loaders }) => {
    const id = assertNativeUuid(input.id, 'CircleCIWebhook', 'id');
    return loaders.circleci.webhooks.update(id, assertWebhookUpdate(input));
  },
  circleciDeleteWebhook: async (_root, { input }, { loaders }) => {
    const id = assertNativeUuid(input.id, 'CircleCIWebhook', 'id');
    return { deletedWebhookId: id, message: await loaders.circleci.webhooks.delete(id) };
  },
};
