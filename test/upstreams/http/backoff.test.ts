import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceName } from '../../../src/config/ServiceName.js';
import { loadConfig, serviceSettings } from '../../../src/config/config.js';
import { createGateway, type Gateway } from '../../../src/server/createGateway.js';
import { startRedisServer, type RedisServer } from '../../helpers/redisServer.js';
import { startTestGateway, type TestGateway } from '../../helpers/startTestGateway.js';
import { useTestGateway } from '../../helpers/useTestGateway.js';

const gitlabProject = `{ gitlabProject(idOrPath: "acme/api") { name } }`;
const ghesHook = `{ ghesGlobalWebhooks(first: 1) { edges { node { url } } } }`;
const circleciProject = `{ circleciProject(slug: "gh/acme/api") { name } }`;

async function gql(url: string, query: string, headers: Record<string, string> = {}): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return response.json();
}

/** The value of one sample line, by its exact name and labels. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('honoured back-off, per credential (one replica)', () => {
  let now = 1_700_000_000_000;
  const t = useTestGateway(() => ({ gateway: { clock: () => now } }));

  it('after a GitLab 429 with Retry-After: 30, no call with that token reaches GitLab until the 30 s have passed', async () => {
    // The simulator's own rate limit: 429 with Retry-After and RateLimit-* headers, as GitLab sends them.
    await fetch(`${t.simulators.gitlab.simulator.origin}/__sim/quota`, { method: 'POST', body: JSON.stringify({ limit: 1, windowMs: 30_000 }) });
    try {
      expect((await t.gql(gitlabProject)).errors).toBeUndefined();
      const limited = await t.gql(gitlabProject);
      expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', service: 'gitlab', status: 429, retryAfter: 30 });
      await t.clearRequests();
      for (let i = 0; i < 20; i++) {
        const refused = await t.gql(gitlabProject);
        expect(refused.errors?.[0]).toMatchObject({ path: ['gitlabProject'], message: 'GitLab rate-limited this credential: no calls with it for 30 s' });
        expect(refused.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', service: 'gitlab', retryAfter: 30 });
      }
      now += 12_500;
      expect((await t.gql(gitlabProject)).errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', service: 'gitlab', retryAfter: 18 });
      expect(await t.requests('gitlab')).toEqual([]);

      // Another credential is not held back.
      const grace = await t.gql(`{ gitlabProject(idOrPath: "acme/api") { name } }`, undefined, { 'x-gitlab-token': 'gitlab-token-grace' });
      expect(grace.errors).toBeUndefined();
      expect(await t.requests('gitlab')).toHaveLength(1);

      const text = await (await fetch(new URL('/metrics', t.url))).text();
      expect(sample(text, 'upstream_backoff_rejections_total{service="gitlab"}')).toBe(21);
      expect(sample(text, 'upstream_backoff_credentials{service="gitlab"}')).toBe(1);
      // The wait is over: the call goes again.
      now += 17_600;
      await t.clearRequests();
      await t.gql(gitlabProject);
      expect(await t.requests('gitlab')).toHaveLength(1);
    } finally {
      await fetch(`${t.simulators.gitlab.simulator.origin}/__sim/quota`, { method: 'DELETE' });
    }
  });

  it('a GHES primary limit (403, x-ratelimit-remaining: 0) waits until x-ratelimit-reset; the remaining budget is in /metrics', async () => {
    await fetch(`${t.simulators.ghes.simulator.origin}/__sim/quota`, { method: 'POST', body: JSON.stringify({ limit: 2, windowMs: 40_000 }) });
    try {
      expect((await t.gql(ghesHook)).errors).toBeUndefined();
      // GHES reports its hourly budget on every answer.
      expect(sample(await (await fetch(new URL('/metrics', t.url))).text(), 'upstream_ratelimit_remaining{service="ghes"}')).toBeGreaterThan(0);
      expect((await t.gql(ghesHook)).errors).toBeUndefined();
      const limited = await t.gql(ghesHook);
      expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', service: 'ghes', status: 403 });
      const waitFor = limited.errors?.[0]?.extensions?.['retryAfter'] as number;
      expect(waitFor).toBeGreaterThan(30);
      await t.clearRequests();
      const refused = await t.gql(ghesHook);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', service: 'ghes' });
      expect(refused.errors?.[0]?.extensions?.['retryAfter']).toBeLessThanOrEqual(waitFor);
      expect(await t.requests('ghes')).toEqual([]);
      expect(sample(await (await fetch(new URL('/metrics', t.url))).text(), 'upstream_ratelimit_remaining{service="ghes"}')).toBe(0);
    } finally {
      await fetch(`${t.simulators.ghes.simulator.origin}/__sim/quota`, { method: 'DELETE' });
    }
  });

  it('a 429 that says neither how long nor when is reported, not enforced', async () => {
    await t.fault('concord', { path: '/project/api$', status: 429, times: 1 });
    const concordProject = `{ concordProject(org: "Default", name: "api") { name } }`;
    expect((await t.gql(concordProject)).errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', service: 'concord', status: 429, retryAfter: 60 });
    await t.clearRequests();
    await t.gql(concordProject);
    expect(await t.requests('concord')).toHaveLength(1);
  });

  it('a CircleCI 429 with an HTTP-date Retry-After holds that token for writes too', async () => {
    const at = new Date(Date.now() + 20_000).toUTCString();
    await t.fault('circleci', { path: '/project/', status: 429, headers: { 'retry-after': at }, times: 1 });
    expect((await t.gql(circleciProject)).errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    await t.clearRequests();
    const write = await t.gql(`mutation { circleciTriggerPipeline(input: { projectSlug: "gh/acme/api", branch: "main" }) { pipeline { number } } }`);
    expect(write.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', service: 'circleci' });
    expect(await t.requests('circleci')).toEqual([]);
  });
});

describe('honoured back-off across replicas sharing Redis', () => {
  let redis: RedisServer;
  let first: TestGateway;
  const replicas: Gateway[] = [];
  const env = (url: string): Record<string, string> => ({ REDIS_URL: url, CACHE_KEY_SECRET: 'shared-secret', CACHE_REDIS_TIMEOUT_MS: '2000' });

  /** Another replica over the first one's simulators and Redis, as a deployment runs them. */
  async function replica(): Promise<string> {
    const settings: Record<string, string> = { UPSTREAM_TIMEOUT_MS: '2000', LOG_LEVEL: 'error', CACHE_ENABLED: 'false', ...env(redis.url) };
    for (const [service, url] of Object.entries(first.simulators.urls) as [ServiceName, string][]) {
      settings[serviceSettings[service].url] = url;
      settings[serviceSettings[service].token] = first.simulators.tokens[service] ?? '';
    }
    const gateway = await createGateway({ config: loadConfig(settings) });
    replicas.push(gateway);
    return gateway.listen(0, '127.0.0.1');
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    first = await startTestGateway({ env: env(redis.url) });
  });
  afterAll(async () => {
    for (const gateway of replicas) await gateway.stop();
    await first?.close();
    await redis?.stop();
  });

  it('after a 429 on one replica, no call with that token reaches GitLab from either, nor from a replica started later', async () => {
    const second = await replica();
    await first.fault('gitlab', { path: '/projects/', status: 429, headers: { 'retry-after': '30' }, times: 1 });
    const limited = await first.gql(gitlabProject);
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfter: 30 });
    await first.clearRequests();
    for (let i = 0; i < 5; i++) {
      expect((await gql(second, gitlabProject)).errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', service: 'gitlab' });
      expect((await first.gql(gitlabProject)).errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', service: 'gitlab' });
    }
    const third = await replica();
    expect((await gql(third, gitlabProject)).errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', service: 'gitlab' });
    expect(await first.requests('gitlab')).toEqual([]);

    // Another token goes through every replica.
    expect((await gql(second, gitlabProject, { 'x-gitlab-token': 'gitlab-token-grace' })).errors).toBeUndefined();
    expect(await first.requests('gitlab')).toHaveLength(1);

    // Redis holds the credential's fingerprint with the wait's expiry, never the token.
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('switchyard:backoff:*');
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(/^switchyard:backoff:gitlab:[\w-]{32}$/);
      expect(keys[0]).not.toContain('demo-gitlab-token');
      const ttl = await client.pttl(keys[0] as string);
      expect(ttl).toBeGreaterThan(20_000);
      expect(ttl).toBeLessThanOrEqual(30_000);
    } finally {
      client.disconnect();
    }
  });
});
