import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const list = /* GraphQL */ `
  query ($org: String!, $nameContains: String, $first: Int, $after: String) {
    concordProjects(org: $org, nameContains: $nameContains, first: $first, after: $after) {
      edges { cursor node { id name fullName service orgName visibility } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
`;

describe('Concord projects through GraphQL', () => {
  it('pages an organization by name with offset/limit, one more than asked to see whether more follow', async () => {
    const first = await t.gql(list, { org: 'Default', first: 10 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data?.['concordProjects'];
    expect(page1.edges.map((e: any) => e.node.name)).toEqual([
      'analytics', 'api-gateway', 'billing', 'catalog', 'checkout', 'data-lake', 'deploy-tools', 'email', 'etl-nightly', 'frontend',
    ]);
    expect(page1.edges[0].node).toMatchObject({ service: 'CONCORD', fullName: 'Default/analytics', orgName: 'Default', visibility: 'PUBLIC' });
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const second = await t.gql(list, { org: 'Default', first: 10, after: page1.pageInfo.endCursor });
    const page2 = second.data?.['concordProjects'];
    expect(page2.edges.map((e: any) => e.node.name)).toEqual([
      'identity', 'infra', 'inventory', 'ledger', 'metrics', 'mobile-api', 'notifications', 'orders', 'payments', 'reporting',
    ]);

    const third = await t.gql(list, { org: 'Default', first: 10, after: page2.pageInfo.endCursor });
    const page3 = third.data?.['concordProjects'];
    expect(page3.edges.map((e: any) => e.node.name)).toEqual(['search', 'shipping', 'storefront', 'tax', 'warehouse']);
    expect(page3.pageInfo.hasNextPage).toBe(false);

    const calls = (await t.requests('concord')).map((r) => ({ method: r.method, path: r.path, query: r.query }));
    expect(calls).toEqual([
      { method: 'GET', path: '/api/v1/org/Default/project', query: { offset: '0', limit: '11' } },
      { method: 'GET', path: '/api/v1/org/Default/project', query: { offset: '10', limit: '11' } },
      { method: 'GET', path: '/api/v1/org/Default/project', query: { offset: '20', limit: '11' } },
    ]);
  });

  it('passes nameContains as Concord filter', async () => {
    const result = await t.gql(list, { org: 'Default', nameContains: 'ing', first: 5 });
    expect(result.data?.['concordProjects'].edges.map((e: any) => e.node.name)).toEqual(['billing', 'reporting', 'shipping']);
    const [call] = await t.requests('concord');
    expect(call?.query).toEqual({ offset: '0', limit: '6', filter: 'ing' });
  });

  it('reads one project by org and name from the v2 endpoint, with owner, meta and configuration', async () => {
    const result = await t.gql(`{
      concordProject(org: "acme", name: "acme-web") {
        id name fullName projectId orgId orgName description visibility rawPayloadMode outVariablesMode processExecMode meta createdAt
        owner { username displayName userType }
        cfg
        replicas: cfg(path: "arguments/replicas")
        missing: cfg(path: "nope/none")
      }
    }`);
    expect(result.errors).toBeUndefined();
    const project = result.data?.['concordProject'];
    const store = t.simulators.concord.store;
    const sim = store.projects.find((p) => p.name === 'acme-web');
    expect(project).toMatchObject({
      name: 'acme-web',
      fullName: 'acme/acme-web',
      projectId: sim?.id,
      orgId: store.orgByName('acme')?.id,
      orgName: 'acme',
      description: 'The acme-web project',
      rawPayloadMode: 'DISABLED',
      processExecMode: 'READERS',
      meta: sim?.meta,
      createdAt: sim?.createdAt,
      owner: { username: 'admin', displayName: 'Concord Admin', userType: 'LOCAL' },
      cfg: sim?.cfg,
      replicas: (sim?.cfg['arguments'] as any).replicas,
      missing: null,
    });
    const calls = (await t.requests('concord')).map((r) => `${r.method} ${r.path}`);
    expect(calls.sort()).toEqual([
      'GET /api/v1/org/acme/project/acme-web/cfg',
      'GET /api/v1/org/acme/project/acme-web/cfg/arguments/replicas',
      'GET /api/v1/org/acme/project/acme-web/cfg/nope/none',
      'GET /api/v2/org/acme/project/acme-web',
    ]);
  });

  it('a missing project is null; Concord\'s text/plain 404 is NOT_FOUND where it is an error', async () => {
    const missing = await t.gql(`{ concordProject(org: "Default", name: "no-such-project") { name } }`);
    expect(missing.errors).toBeUndefined();
    expect(missing.data).toEqual({ concordProject: null });

    const noOrg = await t.gql(`{ concordProjects(org: "nowhere") { edges { node { name } } } }`);
    expect(noOrg.errors?.[0]).toMatchObject({
      message: 'Concord: Organization not found: nowhere',
      extensions: { code: 'NOT_FOUND', service: 'concord', status: 404 },
    });
  });

  it('lists team access as members, and resolves project and access through node()', async () => {
    const result = await t.gql(`{
      concordProject(org: "Default", name: "billing") {
        id
        teamAccess { totalCount edges { node { id service name role teamId orgName level project { name } } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const project = result.data?.['concordProject'];
    const access = project.teamAccess.edges.map((e: any) => e.node);
    const store = t.simulators.concord.store;
    const sim = store.projects.find((p) => p.name === 'billing' && p.orgId === store.orgByName('Default')?.id);
    expect(project.teamAccess.totalCount).toBe(sim?.access.size);
    const defaultTeam = store.teams.find((team) => team.name === 'default');
    expect(access[0]).toMatchObject({ service: 'CONCORD', name: 'default', role: 'OWNER', level: 'OWNER', teamId: defaultTeam?.id, orgName: 'Default', project: { name: 'billing' } });

    const nodes = await t.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on ConcordProject { fullName } ... on ConcordTeamAccess { name level } } }`, {
      ids: [project.id, access[0].id],
    });
    expect(nodes.errors).toBeUndefined();
    expect(nodes.data?.['nodes']).toEqual([
      { id: project.id, fullName: 'Default/billing' },
      { id: access[0].id, name: 'default', level: 'OWNER' },
    ]);
  });

  it('answers UNAUTHENTICATED for a key Concord refuses', async () => {
    const result = await t.gql(`{ concordProject(org: "Default", name: "billing") { name } }`, {}, { 'x-concord-token': 'wrong-key' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', service: 'concord', status: 401 });
  });
});
