/**
 * Where cached values live. Implementations never throw: a store that cannot
 * answer behaves as empty, so the gateway goes to the upstream instead.
 */
export interface CacheStore {
  /** `redis` or `memory`. */
  readonly kind: 'redis' | 'memory';
  /** The value, or undefined when absent, expired or the store is unavailable. */
  get(key: string): Promise<string | undefined>;
  /** Stores a value for `ttlMs` (no expiry when undefined), filed under `tags` for invalidation. */
  set(key: string, value: string, ttlMs: number | undefined, tags?: readonly string[]): Promise<void>;
  delete(key: string): Promise<void>;
  /** Deletes every entry filed under any of `tags`; resolves with how many went. */
  invalidate(tags: readonly string[]): Promise<number>;
  /** Deletes everything this gateway stored. */
  clear(): Promise<void>;
  /** What the store is, for the start-up log: never a password. */
  describe(): string;
  close(): Promise<void>;
}

/** What a store reports about its own health. */
export interface StoreEvents {
  /** A call failed or timed out. */
  onError(): void;
  /** A call was skipped because the store is known to be down. */
  onBypass(): void;
}
