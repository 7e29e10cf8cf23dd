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

const byTypename = { __resolveType: (parent: { __typename: string }) => parent.__typename };
// Each service's edge type is named after its node type (`GitLabMember` → `GitLabMemberEdge`).
const edgeByNode = { __resolveType: (edge: { node: { __typename: string } }) => `${edge.node.__typename}Edge` };

/** Every resolver map, merged into one for the executable schema. */
export const resolverMaps: readonly Resolvers[] = [
  {
    DateTime,
    JSON: JSONScalar,
    SafeInt,
    Mutation: { _ping: () => true },
    Node: byTypename as never,
    Project: byTypename as never,
    Member: byTypename as never,
    Pipeline: byTypename as never,
    Workflow: byTypename as never,
    Webhook: byTypename as never,
    MemberConnection: byTypename as never,
    WebhookConnection: byTypename as never,
    MemberEdge: edgeByNode as never,
    WebhookEdge: edgeByNode as never,
    Context: byTypename as never,
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
