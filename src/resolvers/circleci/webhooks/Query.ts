import type { QueryResolvers } from '../../../generated/graphql.js';
import { loadOrNull } from '../../../upstreams/loaderUtils.js';
import { nativeUuid, requireUuid } from '../shared/validate.js';

/** The CircleCI `Query` fields. */
export const Query: QueryResolvers = {
  circleciWebhooks: (_root, args, { loaders }) =>
    loaders.circleci.webhooks.webhooksOf(requireUuid(args.scopeId, 'scopeId'), (args.scopeType ?? 'PROJECT').toLowerCase(), args),
  circleciWebhook: (_root, { id }, { loaders }) => loadOrNull(loaders.circleci.webhooks.webhook, nativeUuid(id, 'CircleCIWebhook', 'id')),
};
