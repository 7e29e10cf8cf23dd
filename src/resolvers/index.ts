import type { Resolvers } from '../generated/graphql.js';
import { circleCiResolvers } from './circleci/index.js';
import { circleCiNodes } from './circleci/nodes.js';
import { ghesResolvers } from './ghes/index.js';
import { ghesNodes } from './ghes/nodes.js';
import { concordResolvers } from './concord/index.js';
import { concordNodes } from './concord/nodes.js';
import { flexStackResolvers } from './flexstack/index.js';
import { flexStackNodes } from './flexstack/nodes.js';
import { gitLabResolvers } from './gitlab/index.js';
import { gitLabNodes } from './gitlab/nodes.js';
import { circleCiContextResolvers } from './circleci/contexts/index.js';
import { contextNodes } from './circleci/contexts/nodes.js';
import { circleCiWebhookResolvers, webhookNodes } from './circleci/webhooks/index.js';
import { circleCiInsightsResolvers } from './circleci/insights/index.js';
import { circleCiOidcResolvers } from './circleci/oidc/index.js';
import { circleCiPolicyResolvers, policyNodes } from './circleci/policy/index.js';
import { circleCiUsageResolvers, usageNodes } from './circleci/usage/index.js';
import { createNodeResolvers } from './node/nodeResolvers.js';
import { projectResolvers } from './projects/index.js';
import { DateTime, JSONScalar, SafeInt } from './scalars.js';
import { subscriptionResolvers } from './subscriptions/index.js';

/** An abstract type's resolver: every model carries the name of its GraphQL type. */
const byTypename = { __resolveType: <P extends { readonly __typename: string }>(parent: P): P['__typename'] => parent.__typename };
/** Every resolver map, merged into one for the executable schema. */
export const resolverMaps: readonly Resolvers[] = [
  {
    DateTime,
    JSON: JSONScalar,
    SafeInt,
    Mutation: { _ping: () => true },
    Node: byTypename,
    Project: byTypename,
    Member: byTypename,
    Pipeline: byTypename,
    Workflow: byTypename,
    Webhook: byTypename,
    Context: byTypename,
  },
  createNodeResolvers({
    ...circleCiNodes,
    ...contextNodes,
    ...webhookNodes,
    ...policyNodes,
    ...usageNodes,
    ...ghesNodes,
    ...gitLabNodes,
    ...concordNodes,
    ...flexStackNodes,
  }),
  circleCiResolvers,
  circleCiContextResolvers,
  circleCiWebhookResolvers,
  circleCiInsightsResolvers,
  circleCiOidcResolvers,
  circleCiPolicyResolvers,
  circleCiUsageResolvers,
  ghesResolvers,
  gitLabResolvers,
  concordResolvers,
  flexStackResolvers,
  projectResolvers,
  subscriptionResolvers,
];
