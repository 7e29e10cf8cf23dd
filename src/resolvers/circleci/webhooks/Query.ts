import type { QueryResolvers } from '../../../generated/graphql.js';
import { loadOrNull } from '../../../upstreams/loaderUtils.js';
import { assertNativeUuid, assertUuid } from '../shared/validation.js';

/** The CircleCI `Query` fields. */
export const Query: QueryResolvers = {
  circleciWebhooks: (_root, args, { loaders }) =>
    loaders.circleci.webhooks.webhooksOf(assertUuid(args.scopeId, 'scopeId'), (args.scopeType ?? 'PROJECT').toLowerCase(), args),
  circleciWebhook: (_root, { id }, { loaders }) => loadOrNull(loaders.circleci.webhooks.webhook, assertNativeUuid(id, 'CircleCIWebhook', 'id')),
};
