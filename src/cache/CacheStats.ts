/** The response cache's counters since start. */
export interface CacheCounts {
  /** Answers served fresh from the cache. */
  readonly hits: number;
  /** Reads that went to the upstream (one per upstream call made). */
  readonly misses: number;
  /** Reads that joined an identical read already in flight. */
  readonly coalesced: number;
  /** Stale answers served while one refresh ran in the background. */
  readonly staleServes: number;
  /** Background refreshes that failed (the stale entry stays until its grace ends). */
  readonly refreshFailures: number;
  /** Expired answers served because their upstream call failed (`CACHE_STALE_IF_ERROR_SECONDS`). */
  readonly staleIfErrorServes: number;
  /** Store calls skipped because the store was known to be down. */
  readonly bypasses: number;
  /** Store calls that failed or timed out. */
  readonly errors: number;
  /** Answers stored. */
  readonly stores: number;
  /** Answers not stored: `Cache-Control: no-store`/`private`, or a kind never cached. */
  readonly uncacheable: number;
  /** Entries removed by writes. */
  readonly invalidations: number;
}

/** Mutable counters behind {@link CacheCounts}. */
export class CacheStats {
  hits = 0;
  misses = 0;
  coalesced = 0;
  staleServes = 0;
  refreshFailures = 0;
  staleIfErrorServes = 0;
  bypasses = 0;
  errors = 0;
  stores = 0;
  uncacheable = 0;
  invalidations = 0;

  /** The counts now, for the metrics endpoint. */
  snapshot(): CacheCounts {
    return {
      hits: this.hits,
      misses: this.misses,
      coalesced: this.coalesced,
      staleServes: this.staleServes,
      refreshFailures: this.refreshFailures,
      staleIfErrorServes: this.staleIfErrorServes,
      bypasses: this.bypasses,
      errors: this.errors,
      stores: this.stores,
      uncacheable: this.uncacheable,
      invalidations: this.invalidations,
    };
  }
}

/** The counters of a gateway's response cache (`gateway.cache`), for the metrics endpoint. */
export function cacheCounts(cache: { readonly stats: CacheStats }): CacheCounts {
  return cache.stats.snapshot();
}
