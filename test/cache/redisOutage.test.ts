import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisStore } from '../../src/cache/RedisStore.js';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.js';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { captureLogger } from './logCapture.js';

let redis: RedisServer;
const log = captureLogger();

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis.stop();
});
const t = useTestGateway(() => ({ env: { CACHE_ENABLED: 'true', REDIS_URL: redis.url }, gateway: { logger: log.logger } }));
beforeAll(async () => {
  await until(() => (t.gateway.cache.store as RedisStore).healthy(), 'redis');
});

const query = `{ circleciProject(slug: "gh/acme/api") { name pipelines(first: 3) { edges { node { number } } } } }`;
const outageLines = (): unknown[] => log.lines.filter((line) => line.msg.includes('Redis cache unavailable'));

describe('Redis going away and coming back', () => {
  it('answers from the upstream quickly while Redis is down, logs once, and caches again once it is back', async () => {
    const before = await t.gql(query);
    expect(before.errors).toBeUndefined();

    await redis.stop();
    await t.clearRequests();
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const during = await t.gql(query);
      // Each Redis call is bounded at 75 ms; a healthy answer here takes a few ms.
      expect(performance.now() - started).toBeLessThan(1000);
      expect(during.errors).toBeUndefined();
      expect(during.data).toEqual(before.data);
    }
    // Nothing is cached meanwhile: every query went upstream.
    expect(await t.requests('circleci')).toHaveLength(10);
    expect(outageLines()).toHaveLength(1);
    expect(t.gateway.cache.stats.snapshot().bypasses + t.gateway.cache.stats.snapshot().errors).toBeGreaterThan(0);

    await redis.start();
    await until(() => (t.gateway.cache.store as RedisStore).healthy(), 'reconnection');
    expect(log.lines.some((line) => line.msg === 'Redis cache available again')).toBe(true);
    await t.gql(query);
    await t.clearRequests();
    const after = await t.gql(query);
    expect(after.data).toEqual(before.data);
    expect(await t.requests('circleci')).toEqual([]);
    expect(outageLines()).toHaveLength(1);
  });
});
