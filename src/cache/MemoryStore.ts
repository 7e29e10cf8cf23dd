import type { CacheStore } from './CacheStore.js';

interface MemoryEntry {
  readonly value: string;
  readonly bytes: number;
  readonly expiresAt: number;
  readonly tags: readonly string[];
}

/** The bounds of an in-memory cache store. */
export interface MemoryStoreOptions {
  readonly maxEntries: number;
  readonly maxBytes: number;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly clock?: (() => number) | undefined;
}

/**
 * A bounded in-process LRU (by entry count and by bytes), with tag sets for
 * invalidation. For one gateway replica; share a Redis between replicas.
 */
export class MemoryStore implements CacheStore {
  readonly kind = 'memory';
  private readonly entries = new Map<string, MemoryEntry>();
  private readonly tagged = new Map<string, Set<string>>();
  private bytes = 0;
  private readonly clock: () => number;

  constructor(private readonly options: MemoryStoreOptions) {
    this.clock = options.clock ?? Date.now;
  }

  /** How many entries and bytes are held now. */
  size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.clock()) {
      this.remove(key);
      return undefined;
    }
    // Map order is the recency order: move to the back.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  async set(key: string, value: string, ttlMs: number | undefined, tags: readonly string[] = []): Promise<void> {
    this.remove(key);
    // UTF-16 code units × 2 approximates what V8 holds; keys count too.
    const bytes = (value.length + key.length) * 2;
    if (bytes > this.options.maxBytes) return;
    this.entries.set(key, { value, bytes, expiresAt: ttlMs === undefined ? Number.POSITIVE_INFINITY : this.clock() + ttlMs, tags });
    this.bytes += bytes;
    for (const tag of tags) {
      let keys = this.tagged.get(tag);
      if (keys === undefined) {
        keys = new Set();
        this.tagged.set(tag, keys);
      }
      keys.add(key);
    }
    while (this.entries.size > this.options.maxEntries || this.bytes > this.options.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.remove(oldest.value);
    }
  }

  async delete(key: string): Promise<void> {
    this.remove(key);
  }

  async invalidate(tags: readonly string[]): Promise<number> {
    let removed = 0;
    for (const tag of tags) {
      for (const key of [...(this.tagged.get(tag) ?? [])]) {
        if (this.remove(key)) removed++;
      }
    }
    return removed;
  }

  async clear(): Promise<void> {
    this.entries.clear();
    this.tagged.clear();
    this.bytes = 0;
  }

  describe(): string {
    const bytes = this.options.maxBytes;
    const size = bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(bytes % 1_048_576 === 0 ? 0 : 1)} MiB` : `${Math.round(bytes / 1024)} KiB`;
    return `in-memory LRU (at most ${this.options.maxEntries} entries and ${size}; not shared between replicas)`;
  }

  async close(): Promise<void> {
    await this.clear();
  }

  private remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    for (const tag of entry.tags) {
      const keys = this.tagged.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.tagged.delete(tag);
    }
    return true;
  }
}
