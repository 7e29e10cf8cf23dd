import type { Resolvers } from '../generated/graphql.js';
import { circleCiResolvers } from './circleci/index.js';
import { circleCiNodes } from './circleci/nodes.js';
import { createNodeResolvers } from './node/nodeResolvers.js';
import { DateTime, JSONScalar } from './scalars.js';
import { subscriptionResolvers } from './subscriptions/index.js';

const byTypename = { __resolveType: (parent: { __typename: string }) => parent.__typename };

/** Every resolver map, merged into one for the executable schema. */
export const resolverMaps: readonly Resolvers[] = [
  {
    DateTime,
    JSON: JSONScalar,
    Mutation: { _ping: () => true },
    Node: byTypename as never,
    Project: byTypename as never,
    Member: byTypename as never,
    Pipeline: byTypename as never,
    Workflow: byTypename as never,
    Webhook: byTypename as never,
    Context: byTypename as never,
  },
  createNodeResolvers({ ...circleCiNodes }),
  circleCiResolvers,
  subscriptionResolvers,
];
