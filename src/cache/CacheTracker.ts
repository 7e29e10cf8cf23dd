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

/**
 * What one operation read and wrote, to tell the client how fresh its
 * answer is: the `Cache-Control` header and `extensions.cacheAge`.
 */
export class CacheTracker {
  readonly used: UsedEntry[] = [];
  private uncacheable = false;
  private wrote = false;

  /** Records an upstream answer used; `cacheable` false when it may not be kept at all. */
  use(entry: UsedEntry, cacheable = true): void {
    if (this.used.length < 1000) this.used.push(entry);
    if (!cacheable) this.uncacheable = true;
  }

  /** Records that the operation wrote upstream. */
  write(): void {
    this.wrote = true;
  }

  /** The `Cache-Control` value for the operation's response. */
  cacheControl(options: { mutation: boolean; errors: boolean }): string {
    if (options.mutation || options.errors || this.wrote || this.uncacheable || this.used.length === 0) return 'no-store';
    const maxAge = Math.min(...this.used.map((entry) => entry.maxAgeSeconds));
    return `private, max-age=${Math.max(0, Math.floor(maxAge))}`;
  }
}
