import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const list = /* GraphQL */ `
  query ($orgId: String, $sort: FlexStackSort, $first: Int, $after: String) {
    flexstackProjects(orgId: $orgId, sort: $sort, first: $first, after: $after) {
      edges { cursor node { id service name fullName projectId orgId icon connectionStatus createdAt } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
`;

describe('FlexStack projects through GraphQL', () => {
  it('pages with limit and the URL-encoded next_page cursor, in the order asked', async () => {
    const store = t.simulators.flexstack.store;
    const acme = store.orgs[0]?.id as string;
    const names = store.projects.filter((p) => p.orgId === acme).sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((p) => p.name);

    const first = await t.gql(list, { sort: 'CREATED_AT_ASC', first: 20 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data?.['flexstackProjects'];
    expect(page1.edges.map((e: any) => e.node.name)).toEqual(names.slice(0, 20));
    expect(page1.edges[0].node).toMatchObject({ service: 'FLEXSTACK', fullName: `${acme}/${names[0]}`, orgId: acme });
    expect(page1.pageInfo.hasNextPage).toBe(true);

    const second = await t.gql(list, { sort: 'CREATED_AT_ASC', first: 30, after: page1.pageInfo.endCursor });
    const page2 = second.data?.['flexstackProjects'];
    expect(page2.edges.map((e: any) => e.node.name)).toEqual(names.slice(20));
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const calls = await t.requests('flexstack');
    expect(calls.map((r) => r.path)).toEqual(['/v1/projects', '/v1/projects']);
    expect(calls[0]?.query).toEqual({ limit: '20', sort: '+created_at' });
    const cursor = calls[1]?.query['after'] as string;
    expect(cursor).toMatch(/[+/=]/);
    // The simulator decoded exactly the cursor it minted: + and / were sent encoded, not as a space.
    expect(Buffer.from(cursor, 'base64').subarray(2).toString()).toBe('o:20');
    expect(calls[1]?.query).toEqual({ limit: '30', after: cursor, sort: '+created_at' });
  });

  it('lists another organization\'s projects newest first through /orgs/{org_id}/projects', async () => {
    const globex = t.simulators.flexstack.store.orgs[1]?.id;
    const result = await t.gql(list, { orgId: globex, sort: 'CREATED_AT_DESC', first: 5 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['flexstackProjects'].edges.map((e: any) => e.node.name)).toEqual(['reports', 'payroll', 'ledger']);
    const [call] = await t.requests('flexstack');
    expect(call).toMatchObject({ path: `/v1/orgs/${globex}/projects`, query: { limit: '5', sort: '-created_at' } });
  });

  it('reads a project with its members (filtered by role) and notification integrations, and resolves them through node()', async () => {
    const store = t.simulators.flexstack.store;
    const sim = store.projects[0];
    const result = await t.gql(
      `query ($id: String!) {
        flexstackProject(id: $id) {
          id name description icon connectionStatus rawConnectionStatus defaultEnvironmentId createdAt
          members(first: 10) { edges { node { id service name role ... on FlexStackMember { projectRole orgRole displayName avatar memberId accountId createdAt profile { github website } project { name } } } } }
          owners: members(role: OWNER) { edges { node { ... on FlexStackMember { memberId } } } }
          notificationIntegrations {
            totalCount
            edges { node { __typename id integrationId type config notifications { deploymentsFailed changelog }
              ... on FlexStackWebhookIntegration { url events active service }
            } }
          }
        }
      }`,
      { id: sim?.id },
    );
    expect(result.errors).toBeUndefined();
    const project = result.data?.['flexstackProject'];
    expect(project).toMatchObject({
      name: sim?.name,
      description: sim?.description,
      icon: sim?.icon,
      connectionStatus: 'CONNECTED',
      rawConnectionStatus: 'connected',
      defaultEnvironmentId: sim?.defaultEnvironmentId,
      createdAt: sim?.createdAt,
    });
    const ada = store.people[0];
    expect(project.members.edges[0].node).toEqual({
      id: expect.any(String),
      service: 'FLEXSTACK',
      name: 'Ada Lovelace',
      role: 'owner',
      projectRole: 'OWNER',
      orgRole: 'OWNER',
      displayName: 'Ada Lovelace',
      avatar: 'https://avatars.example.com/ada.png',
      memberId: ada?.id,
      accountId: ada?.accountId,
      createdAt: sim?.members[0]?.createdAt,
      profile: { github: 'ada', website: 'https://ada.example.com' },
      project: { name: sim?.name },
    });
    expect(project.owners.edges).toEqual([{ node: { memberId: ada?.id } }]);
    const integrations = project.notificationIntegrations.edges.map((e: any) => e.node);
    expect(integrations.map((i: any) => [i.__typename, i.type])).toEqual([
      ['FlexStackSlackIntegration', 'SLACK'],
      ['FlexStackWebhookIntegration', 'WEBHOOK'],
    ]);
    expect(integrations[1]).toMatchObject({
      url: `https://hooks.example.com/${sim?.name}`,
      events: ['deployments_failed', 'deployments_in_progress', 'deployments_succeeded'],
      active: true,
      service: 'FLEXSTACK',
      notifications: { deploymentsFailed: true, changelog: false },
    });
    const memberCalls = (await t.requests('flexstack')).filter((r) => r.path.endsWith('/members'));
    expect(memberCalls.map((r) => r.query)).toEqual([{ limit: '10' }, { limit: '20', role: 'owner' }]);

    await t.clearRequests();
    const ids = [project.id, project.members.edges[0].node.id, integrations[1].id, integrations[0].id];
    const nodes = await t.gql(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on FlexStackProject { name } ... on FlexStackMember { memberId } ... on FlexStackNotificationIntegration { integrationId } } }`,
      { ids },
    );
    expect(nodes.errors).toBeUndefined();
    expect(nodes.data?.['nodes']).toEqual([
      { id: ids[0], name: sim?.name },
      { id: ids[1], memberId: ada?.id },
      { id: ids[2], integrationId: integrations[1].integrationId },
      { id: ids[3], integrationId: integrations[0].integrationId },
    ]);
    const paths = (await t.requests('flexstack')).map((r) => r.path).sort();
    expect(paths).toEqual(
      [
        `/v1/projects/${sim?.id}`,
        `/v1/projects/${sim?.id}/members/${ada?.id}`,
        `/v1/projects/${sim?.id}/integrations/notifications/${integrations[1].integrationId}`,
        `/v1/projects/${sim?.id}/integrations/notifications/${integrations[0].integrationId}`,
      ].sort(),
    );
  });

  it('reads one member and one integration by their ids', async () => {
    const sim = t.simulators.flexstack.store.projects[0];
    const integration = sim?.integrations[0];
    const result = await t.gql(
      `query ($p: String!, $m: String!, $i: String!) {
        flexstackProjectMember(projectId: $p, memberId: $m) { memberId role }
        flexstackNotificationIntegration(projectId: $p, integrationId: $i) { integrationId type rawType config createdAt updatedAt project { projectId } }
      }`,
      { p: sim?.id, m: sim?.members[1]?.personId, i: integration?.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      flexstackProjectMember: { memberId: sim?.members[1]?.personId, role: 'contributor' },
      flexstackNotificationIntegration: {
        integrationId: integration?.id,
        type: 'SLACK',
        rawType: 'slack',
        config: integration?.config,
        createdAt: integration?.createdAt,
        updatedAt: integration?.updatedAt,
        project: { projectId: sim?.id },
      },
    });
  });

  it('a missing project is null; FlexStack\'s not_found is NOT_FOUND where it is an error', async () => {
    const missing = await t.gql(`{ flexstackProject(id: "zzzzzzzzzzzzzzzzzzzzzz") { name } }`);
    expect(missing.errors).toBeUndefined();
    expect(missing.data).toEqual({ flexstackProject: null });
    const update = await t.gql(`mutation { flexstackDisconnectProject(input: { id: "zzzzzzzzzzzzzzzzzzzzzz" }) { name } }`);
    expect(update.errors?.[0]).toMatchObject({ message: 'FlexStack: project not found', extensions: { code: 'NOT_FOUND', service: 'flexstack', status: 404 } });
  });

  it('maps FlexStack error codes, whatever status they come with', async () => {
    const fault = async (status: number, code: string): Promise<void> => {
      await t.fault('flexstack', { path: '/v1/projects$', status, body: { code, message: `failed with ${code}`, cause: 'injected' }, times: 1 });
    };
    const cases: [number, string, string][] = [
      [400, 'bad_input', 'BAD_USER_INPUT'],
      [401, 'unauthenticated', 'UNAUTHENTICATED'],
      [403, 'forbidden', 'FORBIDDEN'],
      [403, 'unauthorized', 'FORBIDDEN'],
      [404, 'not_found', 'NOT_FOUND'],
      [408, 'timeout', 'UPSTREAM_TIMEOUT'],
      [409, 'conflict', 'CONFLICT'],
      [429, 'rate', 'RATE_LIMITED'],
      [500, 'internal', 'UPSTREAM_ERROR'],
      [501, 'not_implemented', 'UPSTREAM_ERROR'],
      // The code wins over a status that disagrees with it.
      [400, 'conflict', 'CONFLICT'],
      [500, 'rate', 'RATE_LIMITED'],
    ];
    for (const [status, code, expected] of cases) {
      await fault(status, code);
      const result = await t.gql(list, { first: 1 });
      expect(result.errors?.[0], `${status} ${code}`).toMatchObject({
        message: `FlexStack: failed with ${code} (injected)`,
        extensions: { code: expected, service: 'flexstack', status },
      });
    }
    await fault(429, 'rate');
    const limited = await t.gql(list, { first: 1 });
    expect(limited.errors?.[0]?.extensions?.['retryAfter']).toBe(60);
  });

  it('rejects bad ids, a page over 240 and last/before with BAD_USER_INPUT and no upstream call', async () => {
    for (const query of [
      `{ flexstackProjects(orgId: "not an id") { edges { cursor } } }`,
      `{ flexstackProjects(first: 241) { edges { cursor } } }`,
      `{ flexstackProjects(last: 2) { edges { cursor } } }`,
      `{ flexstackProjectMember(projectId: "0OIl", memberId: "x") { name } }`,
      `{ flexstackNotificationIntegration(projectId: "zzzzzzzzzzzzzzzzzzzzzz", integrationId: "nope") { id } }`,
    ]) {
      const result = await t.gql(query);
      expect(result.errors?.[0]?.extensions?.['code'], query).toBe('BAD_USER_INPUT');
    }
    expect(await t.requests('flexstack')).toEqual([]);
    const max = await t.gql(list, { first: 240 });
    expect(max.errors).toBeUndefined();
    expect((await t.requests('flexstack'))[0]?.query).toEqual({ limit: '240' });
  });
});
