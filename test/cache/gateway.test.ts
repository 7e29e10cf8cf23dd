import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRedisCache } from '../helpers/expectRedisCache.js';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.js';
import { startTestGateway } from '../helpers/startTestGateway.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

/**
 * The functional tests give Redis calls a generous bound: a loaded CI machine can take longer than
 * the production default to answer, and a bypassed call would look like a cache miss. The bound
 * itself is tested with Redis stopped (redisOutage.test.ts).
 */
const redisEnvOf = (url: string): Record<string, string> => ({
  CACHE_ENABLED: 'true',
  // These tests are about the cache of upstream answers; whole answers are OperationCache.test.ts's.
  RESPONSE_CACHE_ENABLED: 'false',
  REDIS_URL: url,
  CACHE_KEY_SECRET: 'test-secret',
  CACHE_REDIS_TIMEOUT_MS: '2000',
});

/** Repeats a request (at most 5 s) until it answers with data. */
async function retryUntilData(request: () => Promise<any>): Promise<any> {
  const deadline = Date.now() + 5000;
  let answer = await request();
  while (answer.data === undefined && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    answer = await request();
  }
  return answer;
}

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis.stop();
});
const t = useTestGateway(() => ({ env: redisEnvOf(redis.url) }));
beforeAll(async () => {
  await expectRedisCache(t.gateway);
});

const projectQuery = `query ($slug: String!) { circleciProject(slug: $slug) { name pipelines(first: 5) { edges { node { number state } } } } }`;
const calls = async (): Promise<string[]> => (await t.requests('circleci')).map((r) => `${r.method} ${r.path}`);
const maxAge = (header: string | null): number => Number(/max-age=(\d+)/.exec(header ?? '')?.[1] ?? Number.NaN);

describe('response cache through GraphQL (Redis)', () => {
  it('answers a repeated query with no upstream call', async () => {
    const first = await t.gql(projectQuery, { slug: 'gh/acme/web' });
    expect(first.errors).toBeUndefined();
    expect(await calls()).toHaveLength(2);
    await t.clearRequests();
    const second = await t.gql(projectQuery, { slug: 'gh/acme/web' });
    expect(second.data).toEqual(first.data);
    expect(await calls()).toEqual([]);
    expect(t.gateway.cache.stats.snapshot().hits).toBeGreaterThanOrEqual(2);
  });

  it('keeps two tokens apart: separate upstream calls, and no reading of what the other may see', async () => {
    const ada = { 'x-circleci-token': 'demo-circleci-token' };
    const grace = { 'x-circleci-token': 'circleci-token-grace' };
    const billing = `{ circleciProject(slug: "bb/globex/billing") { name } }`;
    expect((await t.gql(billing, {}, ada)).data).toEqual({ circleciProject: { name: 'billing' } });
    await t.clearRequests();
    // Grace is not in bb/globex: the cached answer for Ada must not leak to her.
    expect((await t.gql(billing, {}, grace)).data).toEqual({ circleciProject: null });
    expect(await calls()).toEqual(['GET /api/v2/project/bb/globex/billing']);

    await t.gql(projectQuery, { slug: 'gh/acme/api' }, ada);
    await t.clearRequests();
    const asGrace = await t.gql(projectQuery, { slug: 'gh/acme/api' }, grace);
    expect(asGrace.data?.['circleciProject'].name).toBe('api');
    expect(await calls()).toHaveLength(2);
    await t.clearRequests();
    await t.gql(projectQuery, { slug: 'gh/acme/api' }, grace);
    await t.gql(projectQuery, { slug: 'gh/acme/api' }, ada);
    expect(await calls()).toEqual([]);
  });

  it('makes one upstream call per resource for 50 concurrent identical queries', async () => {
    await t.fault('circleci', { path: '/project/gh/acme/infra', latencyMs: 150 });
    const results = await Promise.all(Array.from({ length: 50 }, () => t.gql(projectQuery, { slug: 'gh/acme/infra' })));
    for (const result of results) expect(result.data).toEqual(results[0]?.data);
    expect((await calls()).sort()).toEqual(['GET /api/v2/project/gh/acme/infra', 'GET /api/v2/project/gh/acme/infra/pipeline']);
  });

  it('sets Cache-Control from the shortest freshness used, and no-store on errors', async () => {
    const project = await t.gql(`{ circleciProject(slug: "gh/acme/mobile") { name } }`);
    const projectAge = maxAge(project.headers.get('cache-control'));
    expect(project.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect(projectAge).toBeGreaterThan(50);
    expect(projectAge).toBeLessThanOrEqual(60);

    // The newest gh/acme/api pipeline has running workflows: its workflow list is fresh for 5 s only.
    const running = await t.gql(`{ circleciProject(slug: "gh/acme/api") { name pipelines(first: 1) { edges { node { workflows { edges { node { status } } } } } } } }`);
    const statuses = running.data?.['circleciProject'].pipelines.edges[0].node.workflows.edges.map((e: any) => e.node.status);
    expect(statuses).toContain('running');
    expect(maxAge(running.headers.get('cache-control'))).toBeLessThanOrEqual(5);

    await t.fault('circleci', { path: '/project/gh/acme/nothing', status: 500 });
    const failed = await t.gql(`{ circleciProject(slug: "gh/acme/nothing") { name } }`);
    expect(failed.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_ERROR');
    expect(failed.headers.get('cache-control')).toBe('no-store');
  });

  it('reports each upstream answer and its age in extensions.cacheAge when asked with x-cache-age: 1', async () => {
    const query = `{ circleciProject(slug: "gh/acme/web") { name } }`;
    const plain = await t.gql(query);
    expect(plain.extensions?.['cacheAge']).toBeUndefined();
    const asked = await t.gql(query, {}, { 'x-cache-age': '1' });
    expect(asked.extensions?.['cacheAge']).toEqual([
      { service: 'circleci', resource: '/project/gh/acme/web', source: 'cache', ageSeconds: expect.any(Number), maxAgeSeconds: expect.any(Number) },
    ]);
    const entry = (asked.extensions?.['cacheAge'] as any[])[0];
    expect(entry.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(entry.ageSeconds).toBeLessThan(30);
    await t.gateway.cache.clear();
    const fresh = await t.gql(query, {}, { 'x-cache-age': '1' });
    expect((fresh.extensions?.['cacheAge'] as any[])[0]).toMatchObject({ source: 'upstream', ageSeconds: 0 });
  });

  it('keeps automatic persisted queries in the shared store, across gateways', async () => {
    const query = `{ circleciProject(slug: "gh/acme/web") { fullName } }`;
    const persisted = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const send = async (url: string, body: object): Promise<any> =>
      (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    const missing = await send(t.url, { extensions: { persistedQuery: persisted } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await send(t.url, { query, extensions: { persistedQuery: persisted } });
    expect(registered.data).toEqual({ circleciProject: { fullName: 'gh/acme/web' } });
    // Apollo stores a newly registered query without holding up its response.
    expect((await retryUntilData(() => send(t.url, { extensions: { persistedQuery: persisted } }))).data).toEqual({
      circleciProject: { fullName: 'gh/acme/web' },
    });

    const other = await startTestGateway({ env: redisEnvOf(redis.url) });
    try {
      // The second gateway's Redis connection may still be opening.
      const answer = await retryUntilData(() => send(other.url, { extensions: { persistedQuery: persisted } }));
      expect(answer.data).toEqual({ circleciProject: { fullName: 'gh/acme/web' } });
    } finally {
      await other.close();
    }
  });
});

describe('response cache expiry (in memory, short TTL)', () => {
  it('goes upstream again once the TTL has passed', async () => {
    const short = await startTestGateway({ env: { CACHE_ENABLED: 'true', CACHE_TTL_OBJECT_SECONDS: '1', CACHE_STALE_SECONDS: '0' } });
    try {
      const query = `{ circleciProject(slug: "gh/acme/web") { name } }`;
      await short.gql(query);
      await short.gql(query);
      expect(await short.requests('circleci')).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await short.gql(query);
      expect(await short.requests('circleci')).toHaveLength(2);
    } finally {
      await short.close();
    }
  });

  it('CACHE_ENABLED=false sends every read upstream and answers no-store', async () => {
    const off = await startTestGateway({ env: { CACHE_ENABLED: 'false' } });
    try {
      const query = `{ circleciProject(slug: "gh/acme/web") { name } }`;
      await off.gql(query);
      const second = await off.gql(query);
      expect(await off.requests('circleci')).toHaveLength(2);
      expect(second.headers.get('cache-control')).toBe('no-store');
    } finally {
      await off.close();
    }
  });
});

describe('stale-while-revalidate through GraphQL (in memory, fake clock)', () => {
  it('serves the stale answer at once to concurrent queries and refreshes it with one upstream call', async () => {
    let now = 1_700_000_000_000;
    const swr = await startTestGateway({ env: { CACHE_ENABLED: 'true' }, gateway: { clock: () => now } });
    try {
      const query = `{ circleciProject(slug: "gh/acme/mobile") { fullName } }`;
      await swr.gql(query);
      now += 61_000; // past the 60 s TTL of a project, within the 30 s grace
      await swr.clearRequests();
      // A slow refresh, so that every one of the concurrent queries finds the entry still stale.
      await swr.fault('circleci', { path: '/project/gh/acme/mobile', latencyMs: 300, times: 1 });
      const answers = await Promise.all(Array.from({ length: 10 }, () => swr.gql(query, {}, { 'x-cache-age': '1' })));
      for (const answer of answers) {
        expect(answer.data).toEqual({ circleciProject: { fullName: 'gh/acme/mobile' } });
        expect(answer.headers.get('cache-control')).toBe('private, max-age=0');
        expect((answer.extensions?.['cacheAge'] as any[])[0]).toMatchObject({ source: 'stale', ageSeconds: 61 });
      }
      const deadline = Date.now() + 5000;
      while (swr.gateway.cache.stats.stores < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await swr.requests('circleci')).toHaveLength(1);
      const refreshed = await swr.gql(query, {}, { 'x-cache-age': '1' });
      expect((refreshed.extensions?.['cacheAge'] as any[])[0]).toMatchObject({ source: 'cache', ageSeconds: 0 });
      expect(await swr.requests('circleci')).toHaveLength(1);
    } finally {
      await swr.close();
    }
  });
});
