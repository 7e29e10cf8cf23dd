import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRedisCache } from '../helpers/expectRedisCache.js';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.js';
import type { TestGateway } from '../helpers/startTestGateway.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

// A project is fresh 60 s, then served while refreshed 30 s (CACHE_STALE_SECONDS), then kept 300 s more for failures.
const query = `{ circleciProject(slug: "gh/acme/mobile") { name fullName } }`;
const expected = { circleciProject: { name: 'mobile', fullName: 'gh/acme/mobile' } };
const env = { CACHE_ENABLED: 'true', CACHE_TTL_OBJECT_SECONDS: '60', CACHE_STALE_SECONDS: '30', CACHE_STALE_IF_ERROR_SECONDS: '300', UPSTREAM_TIMEOUT_MS: '400' };
const circleciCalls = async (t: TestGateway): Promise<number> => (await t.requests('circleci')).length;

function staleSuite(title: string, settings: () => Record<string, string>, before: (t: TestGateway) => Promise<void>): void {
  describe(title, () => {
    let now = 1_700_000_000_000;
    const t = useTestGateway(() => ({ env: { ...env, ...settings() }, gateway: { clock: () => now } }));
    beforeAll(async () => {
      await before(t);
    });

    /** Reads the project while it is fresh, then lets `seconds` pass. */
    async function cachedThenAged(seconds: number): Promise<void> {
      const first = await t.gql(query);
      expect(first.data).toEqual(expected);
      now += seconds * 1000;
      await t.clearRequests();
    }

    it.each([
      ['a 5xx', { status: 503 }],
      ['a timeout', { latencyMs: 1_500 }],
      ['a reset connection', { reset: true }],
      ['a rate limit', { status: 429, headers: { 'retry-after': '20' } }],
    ])('answers with the expired entry when the read fails with %s, says how old it is, and keeps nothing whole', async (_name, fault) => {
      await cachedThenAged(100);
      await t.fault('circleci', { path: '/project/gh/acme/mobile$', ...fault });
      for (let i = 0; i < 2; i++) {
        const answer = await t.gql(query);
        expect(answer.errors).toBeUndefined();
        expect(answer.data).toEqual(expected);
        expect(answer.extensions).toEqual({ stale: [{ service: 'circleci', ageSeconds: 100 }] });
        expect(answer.headers.get('cache-control')).toBe('no-store');
      }
      // Each read went upstream again (or was refused at once after a rate limit): the answer was not kept whole.
      expect(await circleciCalls(t)).toBeGreaterThanOrEqual(1);
      expect(t.gateway.cache.stats.snapshot().staleIfErrorServes).toBeGreaterThanOrEqual(2);
    });

    it('answers with the expired entry while the circuit is open, with no upstream call', async () => {
      await cachedThenAged(95);
      await t.fault('circleci', { path: '/project/gh/acme/(api|web|infra|broken)$', status: 500 });
      for (const slug of ['api', 'web', 'infra', 'broken', 'api']) await t.gql(`{ circleciProject(slug: "gh/acme/${slug}") { name } }`);
      await t.clearRequests();
      const answer = await t.gql(query);
      expect(answer.data).toEqual(expected);
      expect(answer.extensions).toEqual({ stale: [{ service: 'circleci', ageSeconds: 95 }] });
      expect(await circleciCalls(t)).toBe(0);
    });

    it('reports each stale service once, with its oldest answer', async () => {
      const both = `{ a: circleciProject(slug: "gh/acme/mobile") { name } b: circleciProject(slug: "gh/acme/web") { name } gitlabProject(idOrPath: "acme/api") { name } }`;
      await t.gql(`{ circleciProject(slug: "gh/acme/mobile") { name } }`);
      now += 20_000;
      await t.gql(both);
      now += 100_000;
      await t.fault('circleci', { path: '/project/', status: 502 });
      const answer = await t.gql(both);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual({ a: { name: 'mobile' }, b: { name: 'web' }, gitlabProject: { name: 'Api' } });
      expect(answer.extensions).toEqual({ stale: [{ service: 'circleci', ageSeconds: 120 }] });
    });

    it('does not answer with an entry older than CACHE_STALE_IF_ERROR_SECONDS past its grace, nor for a 404, nor to another credential', async () => {
      await cachedThenAged(60 + 30 + 301);
      await t.fault('circleci', { path: '/project/gh/acme/mobile$', status: 500 });
      const tooOld = await t.gql(query);
      expect(tooOld.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', status: 500 });
      expect(tooOld.extensions).toBeUndefined();
      await t.clearFaults();

      await cachedThenAged(100);
      await t.fault('circleci', { path: '/project/gh/acme/mobile$', status: 404 });
      expect((await t.gql(query)).data).toEqual({ circleciProject: null });
      await t.clearFaults();

      await cachedThenAged(100);
      await t.fault('circleci', { path: '/project/gh/acme/mobile$', status: 500 });
      const grace = await t.gql(query, undefined, { 'x-circleci-token': 'circleci-token-grace' });
      expect(grace.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR' });
      expect(grace.data).toEqual({ circleciProject: null });
    });

    it('a dashboard keeps a failing service\'s last known projects instead of a hole', async () => {
      const dashboard = `{ projects(first: 10) { edges { node { service name } } failedServices } }`;
      const before = await t.gql(dashboard);
      expect(before.data?.['projects'].failedServices).toEqual([]);
      now += 120_000;
      await t.fault('gitlab', { path: '.*', latencyMs: 1_500 });
      const during = await t.gql(dashboard);
      expect(during.errors).toBeUndefined();
      expect(during.data).toEqual(before.data);
      expect(during.extensions?.['stale']).toEqual(expect.arrayContaining([{ service: 'gitlab', ageSeconds: 120 }]));
    });
  });
}

staleSuite('stale if error (in memory)', () => ({}), async () => undefined);

let redis: RedisServer | undefined;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});
staleSuite(
  'stale if error (Redis)',
  () => ({ REDIS_URL: redis?.url ?? '', CACHE_KEY_SECRET: 'test-secret', CACHE_REDIS_TIMEOUT_MS: '2000' }),
  async (t) => expectRedisCache(t.gateway),
);
