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
/** An abstract edge type's resolver: each service's edge type is named after its node type (`GitLabMember` → `GitLabMemberEdge`). */
const edgeByNode = {
  __resolveType: <P extends { readonly node: { readonly __typename: string } }>(edge: P): `${P['node']['__typename']}Edge` => `${edge.node.__typename}Edge`,
};
// A FlexStack integration may be a Slack one, which is no Webhook (and never listed as one): only webhook nodes name an edge type.
const webhookEdges = new Map<string, 'CircleCIWebhookEdge' | 'FlexStackWebhookIntegrationEdge' | 'GitLabProjectHookEdge'>([
  ['CircleCIWebhook', 'CircleCIWebhookEdge'],
  ['FlexStackWebhookIntegration', 'FlexStackWebhookIntegrationEdge'],
  ['GitLabProjectHook', 'GitLabProjectHookEdge'],
]);
const webhookEdgeByNode = { __resolveType: (edge: { readonly node: { readonly __typename: string } }) => webhookEdges.get(edge.node.__typename) ?? null };

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
    MemberConnection: byTypename,
    WebhookConnection: byTypename,
    MemberEdge: edgeByNode,
    WebhookEdge: webhookEdgeByNode,
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
