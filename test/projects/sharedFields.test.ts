import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

/** What every project answers, whatever its service, with the concrete types named. */
const shared = /* GraphQL */ `
  fragment Shared on Project {
    service
    members(first: 3) { __typename totalCount edges { __typename node { __typename name role } } }
    webhooks(first: 3) { __typename totalCount edges { __typename node { __typename url events active } } }
    latestPipeline { __typename status }
  }
`;

describe('members, webhooks and the latest pipeline on the Project interface', () => {
  it('each listed service answers them in the shared connection types, each node in its service\'s own type', async () => {
    const result = await t.gql(`query { projects(first: 6) { edges { node { ...Shared } } failedServices } } ${shared}`);
    expect(result.errors).toBeUndefined();
    const nodes: any[] = result.data?.['projects'].edges.map((edge: any) => edge.node);
    // Every type each service answered in, over its projects of the page.
    const byService = new Map<string, { members: Set<string>; webhooks: Set<string> }>();
    for (const node of nodes) {
      const types = byService.get(node.service) ?? { members: new Set<string>(), webhooks: new Set<string>() };
      byService.set(node.service, types);
      for (const field of ['members', 'webhooks'] as const) {
        types[field].add(node[field].__typename);
        for (const edge of node[field].edges) types[field].add(`${edge.__typename}/${edge.node.__typename}`);
      }
    }
    const typesOf = (service: string) => {
      const types = byService.get(service);
      return { service, members: [...(types?.members ?? [])], webhooks: [...(types?.webhooks ?? [])] };
    };
    expect(typesOf('GITLAB')).toEqual({
      service: 'GITLAB',
      members: ['MemberConnection', 'MemberEdge/GitLabMember'],
      webhooks: ['WebhookConnection', 'WebhookEdge/GitLabProjectHook'],
    });
    expect(typesOf('CONCORD')).toEqual({
      service: 'CONCORD',
      members: ['MemberConnection', 'MemberEdge/ConcordTeamAccess'],
      webhooks: ['WebhookConnection'],
    });
    expect(typesOf('FLEXSTACK')).toEqual({
      service: 'FLEXSTACK',
      members: ['MemberConnection', 'MemberEdge/FlexStackMember'],
      webhooks: ['WebhookConnection', 'WebhookEdge/FlexStackWebhookIntegration'],
    });
    const pipelineTypes = new Set(nodes.map((node) => `${node.service}:${node.latestPipeline?.__typename ?? null}`));
    expect(pipelineTypes).toEqual(new Set(['GITLAB:GitLabPipeline', 'CONCORD:ConcordProcess', 'FLEXSTACK:FlexStackDeployment']));
    for (const node of nodes.filter((n) => n.service === 'CONCORD')) expect(node.webhooks).toEqual({ __typename: 'WebhookConnection', totalCount: 0, edges: [] });
    // Concord's webhooks are answered without a call: one list read, then each project's access and newest process.
    expect((await t.requests('concord')).map((r) => r.path.split('/').pop()).sort()).toEqual(['access', 'access', 'process', 'process', 'project']);
  });

  it('are the service\'s own lists: GitLab hooks, Concord team access, FlexStack webhook integrations', async () => {
    const result = await t.gql(
      `query {
        projects(first: 3) { edges { node {
          ...Shared
          ... on GitLabProject { hooks(first: 3) { edges { node { url } } } }
          ... on ConcordProject { teamAccess(first: 3) { totalCount edges { node { name role } } } }
          ... on FlexStackProject { notificationIntegrations { edges { node { __typename ... on FlexStackWebhookIntegration { url } } } } }
        } } }
      } ${shared}`,
    );
    expect(result.errors).toBeUndefined();
    const [gitlab, concord, flexstack] = result.data?.['projects'].edges.map((edge: any) => edge.node);
    expect(gitlab.webhooks.edges.map((e: any) => e.node.url)).toEqual(gitlab.hooks.edges.map((e: any) => e.node.url));
    expect(gitlab.webhooks.edges.length).toBeGreaterThan(0);
    expect({ totalCount: concord.members.totalCount, edges: concord.members.edges.map(({ node: { __typename, ...node } }: any) => node) }).toEqual({
      totalCount: concord.teamAccess.totalCount,
      edges: concord.teamAccess.edges.map((e: any) => e.node),
    });
    const integrations = flexstack.notificationIntegrations.edges.map((e: any) => e.node);
    // The seed gives this project a Slack integration too, which is no webhook.
    expect(integrations.map((i: any) => i.__typename).sort()).toEqual(['FlexStackSlackIntegration', 'FlexStackWebhookIntegration']);
    expect(flexstack.webhooks.edges.map((e: any) => e.node.url)).toEqual(integrations.filter((i: any) => i.url !== undefined).map((i: any) => i.url));
    expect(flexstack.webhooks.totalCount).toBe(1);
    // Both FlexStack lists come from one read of the integrations.
    const integrationReads = (await t.requests('flexstack')).filter((r) => r.path.endsWith('/integrations/notifications'));
    expect(integrationReads).toHaveLength(1);
  });

  it('a CircleCI project answers them too: no members, its webhooks by project id, its newest pipeline', async () => {
    const result = await t.gql(`query { circleciProject(slug: "gh/acme/api") { projectId ...Shared } circleciWebhooks(scopeId: "${await circleciProjectId()}") { edges { node { url } } } } ${shared}`);
    expect(result.errors).toBeUndefined();
    const project = result.data?.['circleciProject'];
    expect(project.members).toEqual({ __typename: 'MemberConnection', totalCount: 0, edges: [] });
    expect(project.webhooks.__typename).toBe('WebhookConnection');
    expect(project.webhooks.edges.map((e: any) => e.node.__typename)).toEqual(project.webhooks.edges.map(() => 'CircleCIWebhook'));
    expect(project.webhooks.edges.map((e: any) => e.node.url)).toEqual(result.data?.['circleciWebhooks'].edges.map((e: any) => e.node.url));
    expect(project.webhooks.edges.length).toBeGreaterThan(0);
    expect(project.latestPipeline.__typename).toBe('CircleCIPipeline');
    const webhookReads = (await t.requests('circleci')).filter((r) => r.path === '/api/v2/webhook');
    // Asked twice in the operation (the project's field and circleciWebhooks), sent once.
    expect(webhookReads.map((r) => r.query)).toEqual([{ 'scope-id': project.projectId, 'scope-type': 'project' }]);
  });

  it('through node(id:) as through the lists', async () => {
    const listed = await t.gql(`query { projects(first: 3) { edges { node { id ...Shared } } } } ${shared}`);
    const nodes: any[] = listed.data?.['projects'].edges.map((edge: any) => edge.node);
    const fetched = await t.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id ...Shared } } ${shared}`, { ids: nodes.map((node) => node.id) });
    expect(fetched.errors).toBeUndefined();
    expect(fetched.data?.['nodes']).toEqual(nodes);
  });

  it('checks the paging arguments of an empty list as of any other', async () => {
    const result = await t.gql(`query { circleciProject(slug: "gh/acme/api") { members(first: -1) { totalCount } } }`);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.path).toEqual(['circleciProject', 'members']);
  });
});

async function circleciProjectId(): Promise<string> {
  const project = t.simulators.circleci.store.projects.find((p) => p.slug === 'gh/acme/api');
  if (project === undefined) throw new Error('no gh/acme/api');
  return project.id;
}
