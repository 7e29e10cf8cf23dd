import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/MemoryStore.js';
import { createResponseCache } from '../../src/cache/createResponseCache.js';
import { loadConfig } from '../../src/config/config.js';

describe('MemoryStore', () => {
  it('evicts the least recently used entry beyond its entry bound', async () => {
    const store = new MemoryStore({ maxEntries: 3, maxBytes: 1_000_000 });
    await store.set('a', '1', undefined);
    await store.set('b', '2', undefined);
    await store.set('c', '3', undefined);
    expect(await store.get('a')).toBe('1'); // a is now the most recent
    await store.set('d', '4', undefined);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBe('1');
    expect(await store.get('c')).toBe('3');
    expect(await store.get('d')).toBe('4');
    expect(store.size().entries).toBe(3);
  });

  it('evicts beyond its byte bound and refuses a value larger than the bound', async () => {
    const store = new MemoryStore({ maxEntries: 100, maxBytes: 2048 });
    await store.set('k1', 'x'.repeat(400), undefined);
    await store.set('k2', 'x'.repeat(400), undefined);
    await store.set('k3', 'x'.repeat(400), undefined);
    expect(store.size().bytes).toBeLessThanOrEqual(2048);
    expect(await store.get('k1')).toBeUndefined();
    expect(await store.get('k3')).toBeDefined();
    await store.set('huge', 'x'.repeat(5000), undefined);
    expect(await store.get('huge')).toBeUndefined();
    expect(await store.get('k3')).toBeDefined();
  });

  it('expires by its clock and purges by tag', async () => {
    let now = 1_000;
    const store = new MemoryStore({ maxEntries: 10, maxBytes: 100_000, clock: () => now });
    await store.set('a', '1', 500, ['t1', 't2']);
    await store.set('b', '2', 5000, ['t2']);
    await store.set('c', '3', 5000, ['t3']);
    now += 499;
    expect(await store.get('a')).toBe('1');
    now += 1;
    expect(await store.get('a')).toBeUndefined();
    expect(await store.invalidate(['t2'])).toBe(1);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('c')).toBe('3');
    expect(store.size().entries).toBe(1);
  });
});

describe('the cache named in the start-up log', () => {
  it('says which store and bounds are in use, and never a Redis password', async () => {
    const log = { warn: () => undefined, info: () => undefined };
    const memory = createResponseCache(loadConfig({ CACHE_MAX_ENTRIES: '500', CACHE_MAX_BYTES: '8388608' }), { log });
    expect(memory.describe()).toBe('in-memory LRU (at most 500 entries and 8 MiB; not shared between replicas), for upstream responses, whole GraphQL answers and persisted queries');
    const noAnswers = createResponseCache(loadConfig({ RESPONSE_CACHE_ENABLED: 'false' }), { log });
    expect(noAnswers.describe()).toMatch(/, for upstream responses and persisted queries$/);
    await noAnswers.close();
    const redis = createResponseCache(loadConfig({ REDIS_URL: 'redis://:hunter2@127.0.0.1:1/3', CACHE_ENABLED: 'false' }), { log });
    expect(redis.describe()).toBe('upstream responses not cached (CACHE_ENABLED=false); persisted queries in Redis at redis://127.0.0.1:1/3 (shared between replicas)');
    await memory.close();
    await redis.close();
  });

  it('refuses unusable settings, naming them', () => {
    expect(() => loadConfig({ CACHE_TTL_LIST_SECONDS: 'soon' })).toThrow(/CACHE_TTL_LIST_SECONDS/);
    expect(() => loadConfig({ CACHE_ENABLED: 'maybe' })).toThrow(/CACHE_ENABLED/);
    expect(loadConfig({ CACHE_TTL_RUN_ACTIVE_SECONDS: '2' }).cache.ttlSeconds).toMatchObject({ RUN_ACTIVE: 2, RUN_FINISHED: 3600, LIST: 15 });
  });
});
