import type { ServiceName } from '../config/ServiceName.js';

/** One upstream answer an operation used, as reported in `extensions.cacheAge`. */
export interface UsedEntry {
  readonly service: ServiceName;
  /** Path and normalised query below the service's base URL. */
  readonly resource: string;
  /** `cache` (fresh hit), `stale` (served while refreshing) or `upstream` (fetched now). */
  readonly source: 'cache' | 'stale' | 'upstream';
  /** Seconds since the upstream answered. */
  readonly ageSeconds: number;
  /** Seconds it stays fresh from now; 0 when stale or not cacheable. */
  readonly maxAgeSeconds: number;
}

/** How a whole operation's answer may be kept: for how long, and under which invalidation tags. */
export interface StorableAnswer {
  /** The freshness left to the shortest-lived upstream answer it holds (ms). */
  readonly ttlMs: number;
  /** Every tag of every upstream answer it used, so that the writes purging those purge it too. */
  readonly tags: readonly string[];
}

/**
 * What one operation read and wrote, to tell the client how fresh its
 * answer is: the `Cache-Control` header and `extensions.cacheAge`; and
 * whether (and under which tags) the answer as a whole may be kept.
 */
export class CacheTracker {
  readonly used: UsedEntry[] = [];
  private readonly tags = new Set<string>();
  private minMaxAgeSeconds = Number.POSITIVE_INFINITY;
  private count = 0;
  private uncacheable = false;
  private wrote = false;
  private settledAnswer: (StorableAnswer & { readonly operationName: string }) | undefined;
  /** The oldest expired answer served per service because its upstream call failed, in seconds; made when first needed. */
  private staleAges: Map<ServiceName, number> | undefined;

  /**
   * Records an upstream answer used; `cacheable` false when it may not be
   * kept at all; `tags`, the invalidation tags of its cache entry.
   */
  use(entry: UsedEntry, cacheable = true, tags: readonly string[] = []): void {
    if (this.used.length < 1000) this.used.push(entry);
    this.count++;
    if (entry.maxAgeSeconds < this.minMaxAgeSeconds) this.minMaxAgeSeconds = entry.maxAgeSeconds;
    for (const tag of tags) this.tags.add(tag);
    if (!cacheable) this.uncacheable = true;
  }

  /**
   * Records an expired answer served because the upstream call that would
   * have replaced it failed: the response says so (`extensions.stale`) and
   * is never kept whole.
   */
  servedStale(service: ServiceName, ageSeconds: number): void {
    this.uncacheable = true;
    this.staleAges ??= new Map();
    const known = this.staleAges.get(service);
    if (known === undefined || known < ageSeconds) this.staleAges.set(service, ageSeconds);
  }

  /** Each service whose expired answers this operation used, with the oldest one's age; undefined when none. */
  get stale(): { readonly service: ServiceName; readonly ageSeconds: number }[] | undefined {
    return this.staleAges === undefined ? undefined : [...this.staleAges].map(([service, ageSeconds]) => ({ service, ageSeconds }));
  }

  /** Records that the operation wrote upstream. */
  write(): void {
    this.wrote = true;
  }

  /** The `Cache-Control` value for the operation's response. */
  cacheControl(options: { mutation: boolean; errors: boolean }): string {
    if (options.mutation || options.errors || this.wrote || this.uncacheable || this.count === 0) return 'no-store';
    return `private, max-age=${Math.max(0, Math.floor(this.minMaxAgeSeconds))}`;
  }

  /**
   * Settles the operation once its answer is ready: its `Cache-Control`
   * value, and what {@link settled} then says about keeping the answer
   * whole: it may be kept exactly when that value is `private, max-age` of
   * at least a second.
   */
  settle(options: { mutation: boolean; errors: boolean; operationName: string }): string {
    const control = this.cacheControl(options);
    this.settledAnswer =
      control === 'no-store' || this.minMaxAgeSeconds < 1
        ? undefined
        : { ttlMs: Math.floor(this.minMaxAgeSeconds * 1000), tags: [...this.tags], operationName: options.operationName };
    return control;
  }

  /** After {@link settle}: how the whole answer may be kept and under which operation name; undefined when it may not. */
  get settled(): (StorableAnswer & { readonly operationName: string }) | undefined {
    return this.settledAnswer;
  }
}
