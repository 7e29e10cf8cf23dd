import type { Redis } from 'ioredis';
import { connectRedis } from './connectRedis.js';
import type { CacheStore, StoreEvents } from './CacheStore.js';
import { keyPrefix } from './keys.js';

/** The few log calls the store makes (a pino logger fits). */
export interface CacheLog {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

/** Where a Redis cache store connects, how long a call may take, and where it reports. */
export interface RedisStoreOptions {
  readonly url: string;
  /** The longest any one call may take before the gateway goes without the cache. */
  readonly timeoutMs: number;
  readonly log: CacheLog;
  readonly events: StoreEvents;
}

// Sets the entry and files it under each tag set; a tag set lives as long as its longest entry.
// A busy tag set may never expire, so each fill also drops two random members whose entry has
// expired: that keeps every set within about twice its live entries.
const fillScript = `
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
local ttl = tonumber(ARGV[2])
for i = 2, #KEYS do
  for _, member in ipairs(redis.call('SRANDMEMBER', KEYS[i], 2)) do
    if redis.call('EXISTS', member) == 0 then redis.call('SREM', KEYS[i], member) end
  end
  redis.call('SADD', KEYS[i], KEYS[1])
  local left = redis.call('PTTL', KEYS[i])
  if left == -1 or (left >= 0 and left < ttl) then redis.call('PEXPIRE', KEYS[i], ttl) end
end
return 1`;

// Deletes every entry of each tag set, then the sets.
const purgeScript = `
local n = 0
for i = 1, #KEYS do
  local members = redis.call('SMEMBERS', KEYS[i])
  for _, key in ipairs(members) do n = n + redis.call('DEL', key) end
  redis.call('DEL', KEYS[i])
end
return n`;

interface ScriptedRedis {
  switchyardFill(...args: (string | number)[]): Promise<number>;
  switchyardPurge(...args: string[]): Promise<number>;
}

class StoreTimeout extends Error {}

/** A Redis URL as it may be shown: without its password. */
export function redactedRedisUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '';
  return parsed.toString().replace(/\/$/, '');
}

const maxPendingPurges = 10_000;

/**
 * A cache in Redis, shared by every replica. Every call is bounded by a short
 * timeout; when Redis fails the store answers as empty (the gateway goes to
 * the upstream), logs the outage once, and uses Redis again as soon as
 * ioredis has reconnected. Purges that could not be sent are replayed then.
 */
export class RedisStore implements CacheStore {
  readonly kind = 'redis';
  private readonly redis: Redis;
  private outage = false;
  /** After a timeout on a live connection, calls are skipped until then. */
  private pausedUntil = 0;
  private readonly pendingPurges = new Set<string>();
  private pendingClear = false;
  private closed = false;

  constructor(private readonly options: RedisStoreOptions) {
    this.redis = connectRedis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      // Reconnect forever, backing off to one attempt a second.
      retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 10), 1000),
    });
    this.redis.defineCommand('switchyardFill', { lua: fillScript });
    this.redis.defineCommand('switchyardPurge', { lua: purgeScript });
    this.redis.on('error', (error: Error) => this.failed(error));
    this.redis.on('ready', () => this.recovered());
    this.redis.on('close', () => this.failed(new Error('connection closed')));
  }

  /** True while Redis answers. */
  healthy(): boolean {
    return this.redis.status === 'ready' && !this.outage && Date.now() >= this.pausedUntil;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.call((redis) => redis.get(key))) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number | undefined, tags: readonly string[] = []): Promise<void> {
    if (ttlMs === undefined) {
      await this.call((redis) => redis.set(key, value));
      return;
    }
    const keys = [key, ...tags.map((tag) => tagKey(tag))];
    await this.call((redis) => (redis as unknown as ScriptedRedis).switchyardFill(keys.length, ...keys, value, Math.max(1, Math.round(ttlMs))));
  }

  async delete(key: string): Promise<void> {
    await this.call((redis) => redis.del(key));
  }

  async invalidate(tags: readonly string[]): Promise<number> {
    if (tags.length === 0) return 0;
    const keys = tags.map((tag) => tagKey(tag));
    const removed = await this.call((redis) => (redis as unknown as ScriptedRedis).switchyardPurge(String(keys.length), ...keys), 4);
    if (removed === undefined) this.remember(keys);
    return removed ?? 0;
  }

  async clear(): Promise<void> {
    const done = await this.call(async (redis) => {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
      return true;
    }, 40);
    if (done === undefined) this.pendingClear = true;
  }

  describe(): string {
    return `Redis at ${redactedRedisUrl(this.options.url)} (shared between replicas)`;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.redis.disconnect();
  }

  /** Runs one call within the time bound; undefined when Redis is down, slow or failing. */
  private async call<T>(run: (redis: Redis) => Promise<T>, timeoutFactor = 1): Promise<T | undefined> {
    if (this.redis.status !== 'ready' || Date.now() < this.pausedUntil) {
      this.options.events.onBypass();
      // Still connecting at start is not an outage; a lost connection is.
      if (this.redis.status !== 'connecting' && this.redis.status !== 'wait') this.failed(new Error(`connection ${this.redis.status}`));
      return undefined;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        run(this.redis),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new StoreTimeout(`Redis did not answer within ${this.options.timeoutMs * timeoutFactor} ms`)), this.options.timeoutMs * timeoutFactor);
        }),
      ]);
      if (this.outage) this.recovered();
      return result;
    } catch (error) {
      this.options.events.onError();
      if (error instanceof StoreTimeout) this.pausedUntil = Date.now() + 1000;
      this.failed(error as Error);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private failed(error: Error): void {
    if (this.closed || this.outage) return;
    this.outage = true;
    this.options.log.warn(
      { cache: redactedRedisUrl(this.options.url), reason: error.message },
      'Redis cache unavailable: answering from the upstream services without caching until Redis is back',
    );
  }

  private recovered(): void {
    if (this.closed || this.redis.status !== 'ready') return;
    this.pausedUntil = 0;
    if (!this.outage) return;
    this.outage = false;
    this.options.log.info({ cache: redactedRedisUrl(this.options.url) }, 'Redis cache available again');
    void this.replay();
  }

  private remember(tagKeys: readonly string[]): void {
    for (const key of tagKeys) this.pendingPurges.add(key);
    // Too many to replay one by one: start over from an empty cache instead.
    if (this.pendingPurges.size > maxPendingPurges) {
      this.pendingPurges.clear();
      this.pendingClear = true;
    }
  }

  /** Sends the purges (or the clear) that could not be sent during the outage. */
  private async replay(): Promise<void> {
    if (this.pendingClear) {
      this.pendingClear = false;
      this.pendingPurges.clear();
      await this.clear();
      return;
    }
    if (this.pendingPurges.size === 0) return;
    const keys = [...this.pendingPurges];
    this.pendingPurges.clear();
    const removed = await this.call((redis) => (redis as unknown as ScriptedRedis).switchyardPurge(String(keys.length), ...keys), 40);
    if (removed === undefined) this.remember(keys);
  }
}

function tagKey(tag: string): string {
  return `${keyPrefix}tag:${tag}`;
}
