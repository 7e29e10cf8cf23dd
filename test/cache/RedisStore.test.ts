import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisStore, redactedRedisUrl } from '../../src/cache/RedisStore.js';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.js';

let redis: RedisServer;
let store: RedisStore;
const warnings: string[] = [];
const infos: string[] = [];
const counts = { errors: 0, bypasses: 0 };

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  redis = await startRedisServer();
  store = new RedisStore({
    url: redis.url,
    timeoutMs: 100,
    log: { warn: (_f, message) => warnings.push(message), info: (_f, message) => infos.push(message) },
    events: { onError: () => counts.errors++, onBypass: () => counts.bypasses++ },
  });
  await until(() => store.healthy(), 'redis');
});
afterAll(async () => {
  await store.close();
  await redis.stop();
});

describe('RedisStore', () => {
  it('stores with a TTL and purges by tag across keys', async () => {
    await store.set('switchyard:test:a', 'A', 60_000, ['t1']);
    await store.set('switchyard:test:b', 'B', 60_000, ['t1', 't2']);
    await store.set('switchyard:test:c', 'C', 60_000, ['t3']);
    expect(await store.get('switchyard:test:a')).toBe('A');
    expect(await store.invalidate(['t1'])).toBe(2);
    expect(await store.get('switchyard:test:a')).toBeUndefined();
    expect(await store.get('switchyard:test:b')).toBeUndefined();
    expect(await store.get('switchyard:test:c')).toBe('C');
    await store.set('switchyard:test:short', 'S', 50, ['t4']);
    await until(async () => (await store.get('switchyard:test:short')) === undefined, 'expiry');
  });

  it('keeps a busy tag set from growing with expired entries', async () => {
    for (let i = 0; i < 200; i++) await store.set(`switchyard:test:old${i}`, 'o', 30, ['busy']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let i = 0; i < 300; i++) await store.set(`switchyard:test:new${i}`, 'n', 60_000, ['busy']);
    const client = new Redis(redis.url);
    try {
      const size = await client.scard('switchyard:tag:busy');
      expect(size).toBeGreaterThanOrEqual(300);
      expect(size).toBeLessThan(400);
    } finally {
      client.disconnect();
    }
  });

  it('never shows the password of its URL', () => {
    expect(redactedRedisUrl('redis://:s3cret@cache.internal:6380/2')).toBe('redis://cache.internal:6380/2');
    expect(store.describe()).toContain(`127.0.0.1:${redis.port}`);
  });

  it('answers as empty at once while Redis is down, logs the outage once, and resumes (replaying purges) when it is back', async () => {
    await store.set('switchyard:test:kept', 'K', 60_000, ['purged-while-down']);
    await redis.stop();
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      expect(await store.get('switchyard:test:kept')).toBeUndefined();
      await store.set('switchyard:test:x', 'X', 60_000, ['tx']);
    }
    expect(await store.invalidate(['purged-while-down'])).toBe(0);
    // 41 calls, each bounded by the 100 ms timeout at most (most skip Redis entirely).
    expect(performance.now() - started).toBeLessThan(41 * 100);
    expect(counts.bypasses + counts.errors).toBeGreaterThanOrEqual(41);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Redis cache unavailable/);

    await redis.start();
    await until(() => store.healthy(), 'reconnection');
    expect(infos).toEqual(['Redis cache available again']);
    // The purge sent while Redis was down is replayed: its entry does not come back.
    await until(async () => (await store.get('switchyard:test:kept')) === undefined, 'the replayed purge');
    await store.set('switchyard:test:after', 'ok', 60_000);
    expect(await store.get('switchyard:test:after')).toBe('ok');
    expect(warnings).toHaveLength(1);
  });
});
