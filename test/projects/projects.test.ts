import { describe, expect, it } from 'vitest';
import type { ServiceName } from '../../src/config/ServiceName.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const query = /* GraphQL */ `
  query ($first: Int, $after: String, $services: [Service!], $name: String) {
    projects(first: $first, after: $after, services: $services, nameContains: $name) {
      edges { cursor node { id service name fullName } }
      pageInfo { hasNextPage endCursor }
      failedServices
    }
  }
`;

async function walk(first: number, variables: Record<string, unknown> = {}): Promise<{ seen: string[]; pages: number }> {
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (; pages < 100; pages++) {
    const result: any = await t.gql(query, { first, after, ...variables });
    expect(result.errors).toBeUndefined();
    seen.push(...result.data.projects.edges.map((edge: any) => `${edge.node.service}:${edge.node.fullName}`));
    if (!result.data.projects.pageInfo.hasNextPage) break;
    after = result.data.projects.pageInfo.endCursor;
  }
  return { seen, pages: pages + 1 };
}

describe('the cross-service projects connection', () => {
  it('takes turns between services and pages to the end without repeats, whatever the page size', async () => {
    const bySeven = await walk(7);
    const byTwentyFive = await walk(25);
    expect(byTwentyFive.seen).toEqual(bySeven.seen);
    expect(new Set(bySeven.seen).size).toBe(bySeven.seen.length);
    expect(bySeven.seen.slice(0, 3).map((entry) => entry.split(':')[0])).toEqual(['GITLAB', 'CONCORD', 'FLEXSTACK']);
    const services = new Set(bySeven.seen.map((entry) => entry.split(':')[0]));
    expect(services).toEqual(new Set(['GITLAB', 'CONCORD', 'FLEXSTACK']));
  });

  it('reads native pages, never a whole list, for one page', async () => {
    await t.gql(query, { first: 6 });
    const logs = await Promise.all((['gitlab', 'concord', 'flexstack'] as ServiceName[]).map((service) => t.requests(service)));
    for (const log of logs) expect(log).toHaveLength(1);
    const [gitlab, concord, flexstack] = logs.map((log) => log[0]!) as [(typeof logs)[0][0], (typeof logs)[0][0], (typeof logs)[0][0]];
    expect(gitlab.query).toMatchObject({ pagination: 'keyset', per_page: '2' });
    expect(concord.query).toMatchObject({ offset: '0', limit: '2' });
    expect(flexstack.query).toMatchObject({ limit: '2' });
  });

  it('filters by service and by name on every service', async () => {
    const onlyConcord = await walk(50, { services: ['CONCORD'] });
    expect(onlyConcord.seen.length).toBeGreaterThan(0);
    expect(onlyConcord.seen.every((entry) => entry.startsWith('CONCORD:'))).toBe(true);
    const named = await walk(50, { name: 'api' });
    expect(named.seen.length).toBeGreaterThan(0);
    for (const entry of named.seen) expect(entry.toLowerCase()).toContain('api');
  });

  it('refuses services that cannot list projects', async () => {
    const result = await t.gql(query, { services: ['CIRCLECI'] });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('survives one service failing: its edges are missing, an error names it, the page stands', async () => {
    // Twice: a GET that meets a 503 is sent once more.
    await t.fault('gitlab', { path: '/api/v4/projects$', status: 503, times: 2 });
    const result: any = await t.gql(query, { first: 4 });
    expect(result.data.projects.failedServices).toEqual(['GITLAB']);
    expect(result.data.projects.edges.map((edge: any) => edge.node.service)).toEqual(['CONCORD', 'FLEXSTACK', 'CONCORD', 'FLEXSTACK']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: ['projects'], extensions: { code: 'UPSTREAM_ERROR', service: 'gitlab', status: 503 } });
    // GitLab is back: the next page starts with GitLab's first project, nothing lost.
    const next: any = await t.gql(query, { first: 3, after: result.data.projects.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    const full = await walk(100);
    expect(next.data.projects.edges[0].node.service).toBe('GITLAB');
    expect(`GITLAB:${next.data.projects.edges[0].node.fullName}`).toBe(full.seen[0]);
  });
});
