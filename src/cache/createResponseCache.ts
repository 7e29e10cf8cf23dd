import type { Config } from '../config/config.js';
import type { CacheStore } from './CacheStore.js';
import { CacheStats } from './CacheStats.js';
import { MemoryStore } from './MemoryStore.js';
import { RedisStore, type CacheLog } from './RedisStore.js';
import { ResponseCache } from './ResponseCache.js';

/** What a response cache is built from. */
export interface CreateResponseCacheOptions {
  readonly log: CacheLog;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly clock?: (() => number) | undefined;
}

/** The response cache the configuration asks for: Redis when `REDIS_URL` is set, else a bounded in-memory LRU. */
export function createResponseCache(config: Config, options: CreateResponseCacheOptions): ResponseCache {
  const stats = new CacheStats();
  const events = {
    onError: () => {
      stats.errors++;
    },
    onBypass: () => {
      stats.bypasses++;
    },
  };
  const store: CacheStore =
    config.redisUrl === undefined
      ? new MemoryStore({ maxEntries: config.cache.maxEntries, maxBytes: config.cache.maxBytes, clock: options.clock })
      : new RedisStore({ url: config.redisUrl, timeoutMs: config.cache.redisTimeoutMs, log: options.log, events });
  if (config.redisUrl !== undefined && config.cacheKeySecret === undefined) {
    options.log.warn({}, 'CACHE_KEY_SECRET is not set: each replica fingerprints credentials with its own random key, so replicas share invalidations but not cached responses, nor the waits a service asked of a credential');
  }
  return new ResponseCache({ store, settings: config.cache, keySecret: config.cacheKeySecret, clock: options.clock, stats });
}
