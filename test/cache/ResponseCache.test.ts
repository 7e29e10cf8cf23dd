import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CacheStats } from '../../src/cache/CacheStats.js';
import type { CacheStore } from '../../src/cache/CacheStore.js';
import { CacheTracker } from '../../src/cache/CacheTracker.js';
import { MemoryStore } from '../../src/cache/MemoryStore.js';
import { RedisStore } from '../../src/cache/RedisStore.js';
import { ResponseCache } from '../../src/cache/ResponseCache.js';
import { readCacheSettings } from '../../src/config/cacheSettings.js';
import type { ServiceName } from '../../src/config/ServiceName.js';
import { circleCiCacheRules } from '../../src/upstreams/circleci/cacheRules.js';
import { circleCiOperations } from '../../src/upstreams/circleci/operations.js';
import { UpstreamHttp } from '../../src/upstreams/http/UpstreamHttp.js';
import { UpstreamSession } from '../../src/upstreams/http/UpstreamSession.js';
import { protocols } from '../../src/upstreams/protocols.js';
import { apiOf, type Api } from '../../src/upstreams/call.js';
import { concordCacheRules } from '../../src/upstreams/concord/cacheRules.js';
import { concordOperations } from '../../src/upstreams/concord/operations.js';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.js';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream.js';

const tokenA = 'token-a';
const tokenB = 'token-b';
const quietLog = { warn: () => undefined, info: () => undefined };

let upstream: FakeUpstream;
let redis: RedisServer;
const clients: Partial<Record<ServiceName, UpstreamHttp>> = {};
beforeAll(async () => {
  upstream = await startFakeUpstream();
  redis = await startRedisServer();
  for (const service of ['circleci', 'gitlab', 'concord'] as const) {
    clients[service] = new UpstreamHttp({ config: { url: `${upstream.url}/api`, token: undefined }, protocol: protocols[service], timeoutMs: 2000, maxResponseBytes: 1_048_576 });
  }
});
afterAll(async () => {
  await Promise.all(Object.values(clients).map((client) => client.close()));
  await upstream.close();
  await redis.stop();
});

/** CircleCI's operations with their cache rules, but not their answers' shapes: the fake upstream answers `{ serial }`. */
const circleCiCalls = apiOf(
  'circleci',
  Object.fromEntries(Object.entries(circleCiOperations).map(([id, operation]) => [id, { ...operation, response: undefined }])) as unknown as typeof circleCiOperations,
  circleCiCacheRules,
);
const [w1, p1] = ['10000000-0000-4000-a000-0000000000a1', '20000000-0000-4000-a000-0000000000b2'];

const stores: [string, () => CacheStore][] = [
  ['memory', () => new MemoryStore({ maxEntries: 1000, maxBytes: 10_000_000 })],
  ['redis', () => new RedisStore({ url: redis.url, timeoutMs: 1000, log: quietLog, events: { onError: () => undefined, onBypass: () => undefined } })],
];

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(stores)('ResponseCache over the %s store', (_name, makeStore) => {
  let now: number;
  let cache: ResponseCache;
  let stats: CacheStats;

  /** A new operation's session for one service and credential. */
  const session = (token: string, service: ServiceName = 'circleci', tracker = new CacheTracker()): UpstreamSession =>
    new UpstreamSession(clients[service], token, undefined, service, { cache, tracker });
  const read = async (token: string, path: string, query?: Record<string, string>, service: ServiceName = 'circleci'): Promise<number> =>
    ((await session(token, service).read<{ serial: number }>({ path, query, route: path })).body).serial;

  beforeEach(async () => {
    now = 1_700_000_000_000;
    stats = new CacheStats();
    const store = makeStore();
    cache = new ResponseCache({ store, settings: readCacheSettings({}), keySecret: 'test', clock: () => now, stats });
    if (store.kind === 'redis') await until(async () => (store as RedisStore).healthy(), 'redis');
    await cache.clear();
    upstream.reset();
  });
  afterEach(async () => {
    await cache.close();
  });

  it('answers a repeat from the cache, with sorted query parameters, separately per credential', async () => {
    const first = await read(tokenA, '/project/gh/acme/api/pipeline', { branch: 'main', 'page-token': 'x' });
    expect(await read(tokenA, '/project/gh/acme/api/pipeline', { 'page-token': 'x', branch: 'main' })).toBe(first);
    expect(upstream.gets()).toHaveLength(1);
    const other = await read(tokenB, '/project/gh/acme/api/pipeline', { branch: 'main', 'page-token': 'x' });
    expect(other).not.toBe(first);
    expect(upstream.gets().map((r) => r.token)).toEqual([tokenA, tokenB]);
    expect(stats.snapshot()).toMatchObject({ hits: 1, misses: 2 });
    await until(() => stats.stores === 2, 'both answers stored');
  });

  it('expires after the TTL of the kind (a project is an object: 60 s)', async () => {
    const first = await read(tokenA, '/project/gh/acme/api');
    now += 59_000;
    expect(await read(tokenA, '/project/gh/acme/api')).toBe(first);
    now += 31_001 + 1_000; // past the TTL and the 30 s grace
    expect(await read(tokenA, '/project/gh/acme/api')).not.toBe(first);
    expect(upstream.gets()).toHaveLength(2);
  });

  it('serves stale within the grace window and refreshes with one background call', async () => {
    const first = await read(tokenA, '/project/gh/acme/web');
    now += 61_000;
    upstream.answer({ path: /web$/, delayMs: 200, times: 1, body: { serial: -1 } });
    const tracker = new CacheTracker();
    const stale = await Promise.all(Array.from({ length: 5 }, () => session(tokenA, 'circleci', tracker).read<{ serial: number }>({ path: '/project/gh/acme/web', route: '/project/gh/acme/web' })));
    expect(stale.map((r) => r.body.serial)).toEqual([first, first, first, first, first]);
    expect(tracker.used.every((u) => u.source === 'stale')).toBe(true);
    expect(tracker.cacheControl({ mutation: false, errors: false })).toBe('private, max-age=0');
    await until(async () => (await read(tokenA, '/project/gh/acme/web')) === -1, 'the refresh');
    expect(upstream.gets('/api/project/gh/acme/web')).toHaveLength(2);
    expect(stats.staleServes).toBeGreaterThanOrEqual(5);
  });

  it('parses an unchanged entry once, parses a replaced one anew, and hands out bodies no one can write into', async () => {
    const body = async (): Promise<{ serial: number }> => (await session(tokenA).read<{ serial: number }>({ path: '/project/gh/acme/parsed', route: '/project/gh/acme/parsed' })).body;
    await body();
    await until(() => stats.stores === 1, 'the answer stored');
    const hit = await body();
    expect(await body()).toBe(hit);
    expect(Object.isFrozen(hit)).toBe(true);
    expect(() => {
      (hit as { serial: number }).serial = 0;
    }).toThrow(TypeError);
    now += 61_000 + 30_000 + 1; // past the TTL and the grace: the entry is fetched and stored again
    const fresh = await body();
    await until(() => stats.stores === 2, 'the new answer stored');
    const rehit = await body();
    expect(rehit).not.toBe(hit);
    expect(rehit).toEqual(fresh);
    expect(rehit.serial).not.toBe(hit.serial);
  });

  it('makes one upstream call for 50 concurrent identical misses', async () => {
    upstream.answer({ path: /pipeline\/p9$/, delayMs: 100 });
    const serials = await Promise.all(Array.from({ length: 50 }, () => read(tokenA, '/pipeline/p9')));
    expect(new Set(serials).size).toBe(1);
    expect(upstream.gets('/api/pipeline/p9')).toHaveLength(1);
  });

  it('never stores an answer marked no-store or private, nor an error', async () => {
    upstream.answer({ path: /nostore$/, headers: { 'cache-control': 'no-store' } });
    upstream.answer({ path: /private$/, headers: { 'cache-control': 'private, max-age=60' } });
    upstream.answer({ path: /flaky$/, status: 500, body: { message: 'boom' }, times: 1 });
    for (const path of ['/x/nostore', '/x/nostore', '/x/private', '/x/private']) await read(tokenA, path);
    await expect(read(tokenA, '/x/flaky')).rejects.toMatchObject({ code: 'UPSTREAM_ERROR' });
    const ok = await read(tokenA, '/x/flaky');
    expect(await read(tokenA, '/x/flaky')).toBe(ok);
    expect(upstream.gets().map((r) => r.path)).toEqual(['/api/x/nostore', '/api/x/nostore', '/api/x/private', '/api/x/private', '/api/x/flaky', '/api/x/flaky']);
    const tracker = new CacheTracker();
    await session(tokenA, 'circleci', tracker).read({ path: '/x/nostore', route: '/x/nostore' });
    expect(tracker.cacheControl({ mutation: false, errors: false })).toBe('no-store');
  });

  it('a write purges the object, its lists and its parent list for every credential, and nothing else', async () => {
    const reads = (token: string) => {
      const api = circleCiCalls(session(token));
      return Promise.all([
        api.getWorkflowById({ path: { id: w1 } }),
        api.listWorkflowJobs({ path: { id: w1 } }),
        api.listWorkflowsByPipelineId({ path: { 'pipeline-id': p1 } }),
        api.getPipelineById({ path: { 'pipeline-id': p1 } }),
        api.getProjectBySlug({ path: { 'project-slug': 'gh/acme/api' } }),
      ]);
    };
    for (const token of [tokenA, tokenB]) await reads(token);
    upstream.reset();
    const tracker = new CacheTracker();
    await circleCiCalls(session(tokenA, 'circleci', tracker)).cancelWorkflow({ path: { id: w1 } });
    expect(tracker.cacheControl({ mutation: false, errors: false })).toBe('no-store');
    for (const token of [tokenA, tokenB]) await reads(token);
    const refetched = upstream.gets().map((r) => `${r.token} ${r.path}`);
    expect(refetched.sort()).toEqual(
      [tokenA, tokenB].flatMap((token) => [`/api/workflow/${w1}`, `/api/workflow/${w1}/job`, `/api/pipeline/${p1}/workflow`].map((path) => `${token} ${path}`)).sort(),
    );
  });

  it('triggering a pipeline purges the project and organisation pipeline lists, whatever their query, and the project (the parent)', async () => {
    const reads = (token: string) => {
      const api = circleCiCalls(session(token));
      return Promise.all([
        api.listPipelinesForProject({ path: { 'project-slug': 'gh/acme/api' }, query: { branch: 'main' } }),
        api.listPipelines({ query: { 'org-slug': 'gh/acme' } }),
        api.getProjectBySlug({ path: { 'project-slug': 'gh/acme/api' } }),
        api.getPipelineById({ path: { 'pipeline-id': p1 } }),
      ]);
    };
    for (const token of [tokenA, tokenB]) await reads(token);
    upstream.reset();
    await circleCiCalls(session(tokenB)).triggerPipeline({ path: { 'project-slug': 'gh/acme/api' }, body: { branch: 'main' } });
    for (const token of [tokenA, tokenB]) await reads(token);
    expect(upstream.gets().map((r) => r.path).sort()).toEqual(['/api/pipeline', '/api/pipeline', '/api/project/gh/acme/api', '/api/project/gh/acme/api', '/api/project/gh/acme/api/pipeline', '/api/project/gh/acme/api/pipeline']);
  });

  it('a DELETE purges the object and what holds it (GitLab member), even when the write fails', async () => {
    // Another project's members stay: writes name their project by numeric id, as reads do.
    const reads = ['/projects/5/members/7', '/projects/5/members', '/projects/5', '/projects', '/projects/6/members', '/projects/6/variables'];
    for (const token of [tokenA, tokenB]) for (const path of reads) await read(token, path, undefined, 'gitlab');
    upstream.reset();
    upstream.answer({ method: 'DELETE', path: /members\/7$/, status: 500, body: { message: 'half done' } });
    await expect(session(tokenA, 'gitlab').write({ method: 'DELETE', path: '/projects/5/members/7' })).rejects.toMatchObject({ code: 'UPSTREAM_ERROR' });
    for (const token of [tokenA, tokenB]) for (const path of reads) await read(token, path, undefined, 'gitlab');
    expect(upstream.gets().filter((r) => r.token === tokenB).map((r) => r.path).sort()).toEqual([
      '/api/projects',
      '/api/projects/5',
      '/api/projects/5/members',
      '/api/projects/5/members/7',
    ]);
    expect(upstream.gets()).toHaveLength(8);
  });

  it("Concord's create-or-update purges every project, list and configuration it may rename, move or replace, and no team", async () => {
    const concord = (token: string): Api<typeof concordOperations> => apiOf('concord', concordOperations, concordCacheRules)(session(token, 'concord'));
    const answers = (): void => {
      upstream.answer({ path: /\/v2\/org\/acme\/project\/web$/, body: { id: 'p1', name: 'web' } });
      upstream.answer({ path: /\/team\/ops$/, body: { id: 't1', name: 'ops' } });
      upstream.answer({ path: /\/project$/, method: 'GET', body: [] });
      upstream.answer({ path: /\/project$/, method: 'POST', body: { ok: true, id: 'p1', result: 'UPDATED' } });
    };
    const readAll = async (api: Api<typeof concordOperations>): Promise<void> => {
      await api.getProject({ path: { orgName: 'acme', projectName: 'web' } });
      await api.findProjects({ path: { orgName: 'acme' }, query: { limit: 10, offset: 0 } });
      await api.findProjects({ path: { orgName: 'other' } });
      await api.getProjectConfigurationValue({ path: { orgName: 'acme', projectName: 'web', path: 'a' } });
      await api.getTeam({ path: { orgName: 'acme', teamName: 'ops' } });
    };
    answers();
    await readAll(concord(tokenA));
    upstream.reset();
    answers();
    await concord(tokenB).createOrUpdateProject({ path: { orgName: 'acme' }, body: { name: 'web' } });
    await readAll(concord(tokenA));
    expect(upstream.gets().map((r) => r.path).sort()).toEqual(['/api/v1/org/acme/project', '/api/v1/org/acme/project/web/cfg/a', '/api/v1/org/other/project', '/api/v2/org/acme/project/web']);
  });

  it('does not store a read that was under way when a write happened', async () => {
    upstream.answer({ path: /workflow\/w5$/, delayMs: 200, times: 1 });
    const during = read(tokenA, '/workflow/w5');
    await until(() => upstream.gets('/api/workflow/w5').length === 1, 'the read to start');
    await session(tokenA).write({ method: 'POST', path: '/workflow/w5/cancel' });
    const stale = await during;
    expect(await read(tokenA, '/workflow/w5')).not.toBe(stale);
    expect(upstream.gets('/api/workflow/w5')).toHaveLength(2);
  });
});
