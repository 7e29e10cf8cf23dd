import type { Resolvers } from '../../../generated/graphql.js';
import { loadOrNull } from '../../../upstreams/loaderUtils.js';
import type { NodeFetchers } from '../../node/NodeFetchers.js';
import { CircleCIWebhook } from './CircleCIWebhook.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

/** Outbound webhooks. */
export const circleCiWebhookResolvers: Resolvers = { Query, Mutation, CircleCIWebhook };

/** Node fetchers of webhooks. */
export const webhookNodes: NodeFetchers = {
  CircleCIWebhook: (key, { loaders }) => loadOrNull(loaders.circleci.webhooks.webhook, key),
};
