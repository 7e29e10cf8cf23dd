import type { ServiceName } from '../config/ServiceName.js';
import type { HttpMethod, QueryValue, ResponseHeaders, UpstreamResponse } from './types.js';
import { CachePolicy, unclassifiedRead, type ReadClass } from './CachePolicy.js';
import type { PurgeTarget } from './rules.js';
import type { CacheStore } from './CacheStore.js';
import { CacheStats } from './CacheStats.js';
import type { CacheTracker } from './CacheTracker.js';
import { CredentialFingerprints, entryKey, keyPrefix, resourceOf } from './keys.js';
import type { CacheSettings } from '../config/cacheSettings.js';
import { spans } from '../telemetry/spans.js';
import { GatewayError } from '../errors/GatewayError.js';

/** One cached GET as stored. */
interface StoredEntry {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly body: unknown;
  /** When the upstream answered (clock ms). */
  readonly at: number;
  /** How long it is fresh (ms). */
  readonly ttl: number;
}

/** An upstream answer and how it may be kept. */
interface Fetched {
  readonly response: UpstreamResponse;
  readonly at: number;
  /** Fresh for this long (ms); undefined when it must not be stored. */
  readonly ttlMs: number | undefined;
}

/** A GET as the cache sees it. */
export interface CachedRead {
  readonly service: ServiceName;
  /** The service's base URL, so gateways pointed at different hosts never mix answers. */
  readonly baseUrl: string;
  /** The credential it is read with: entries are kept per its fingerprint, never by the token itself. */
  readonly token: string;
  /** Path below the base URL, as sent. */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>> | undefined;
  /** How it is cached, from its operation; by its body's shape when absent. */
  readonly read?: ReadClass | undefined;
}

/** What a read reports to its operation's tracker: each answer used, and each expired one served because the upstream failed. */
export type ReadTracker = Pick<CacheTracker, 'use' | 'servedStale'>;

/**
 * Whether a read's upstream failure may be answered with an expired entry:
 * the service timed out, failed (5xx), could not be reached or answered
 * unreadably, its circuit is open, or it rate-limited the credential. Not a
 * refusal of the request itself (4xx), nor an answer of the wrong shape.
 */
export function servesStale(error: unknown): boolean {
  if (!(error instanceof GatewayError)) return false;
  switch (error.code) {
    case 'UPSTREAM_TIMEOUT':
    case 'UPSTREAM_UNAVAILABLE':
    case 'RATE_LIMITED':
      return true;
    case 'UPSTREAM_ERROR':
      return error.status === undefined || error.status >= 500;
    default:
      return false;
  }
}

/** Makes the upstream call of a read; the cache calls it on a miss or to refresh. */
export type UpstreamFetch<T = unknown> = () => Promise<UpstreamResponse<T>>;

/** What a response cache is built from. */
export interface ResponseCacheOptions {
  readonly store: CacheStore;
  readonly settings: CacheSettings;
  /** Secret for credential fingerprints; random per process when undefined. */
  readonly keySecret: string | undefined;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly clock?: (() => number) | undefined;
  readonly policy?: CachePolicy | undefined;
  /** Stats to count into; the store's events should count into the same. */
  readonly stats?: CacheStats | undefined;
}

// Headers that describe the connection, not the resource.
const droppedHeaders = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date', 'set-cookie', 'age']);

/**
 * What the upstream's own `Cache-Control` allows: whether to store at all
 * (`private` only when `storePrivate`), and its max-age (ms), which caps the TTL.
 */
export function upstreamLimit(headers: ResponseHeaders, storePrivate = false): { store: boolean; maxAgeMs: number | undefined } {
  const value = headers['cache-control']?.toLowerCase() ?? '';
  const directives = value.split(',').map((part) => part.trim());
  const forbidden = directives.some((d) => d === 'no-store' || d === 'no-cache' || (d === 'private' && !storePrivate));
  if (forbidden) return { store: false, maxAgeMs: undefined };
  const maxAge = directives.map((d) => /^max-age=(\d+)$/.exec(d)?.[1]).find((v) => v !== undefined);
  return { store: true, maxAgeMs: maxAge === undefined ? undefined : Number(maxAge) * 1000 };
}

/**
 * The shared cache of upstream GET answers: keyed per service, URL (query
 * sorted) and credential fingerprint; fresh for a TTL chosen per kind of
 * resource; served stale for a grace window while one background refresh
 * runs; kept `CACHE_STALE_IF_ERROR_SECONDS` longer to answer a read whose
 * upstream call fails (see {@link servesStale}), and said so to the
 * operation's tracker; one upstream call for concurrent identical misses;
 * purged by writes for every credential through credential-independent tags.
 */
export class ResponseCache {
  readonly stats: CacheStats;
  readonly store: CacheStore;
  readonly settings: CacheSettings;
  private readonly policy: CachePolicy;
  private readonly fingerprints: CredentialFingerprints;
  private readonly clock: () => number;
  private readonly inflight = new Map<string, Promise<Fetched>>();
  /** Bumped by every write, so that a read begun before it is not stored after it. */
  private writes = 0;
  private readonly parsed = new ParsedEntries(parsedEntryLimit);

  constructor(options: ResponseCacheOptions) {
    this.store = options.store;
    this.settings = options.settings;
    this.policy = options.policy ?? new CachePolicy();
    this.fingerprints = new CredentialFingerprints(options.keySecret);
    this.clock = options.clock ?? Date.now;
    this.stats = options.stats ?? new CacheStats();
  }

  /** Says which cache is in use, truthfully, for the start-up log. */
  describe(): string {
    return this.settings.enabled
      ? `${this.store.describe()}, for upstream responses${this.settings.responsesEnabled ? ', whole GraphQL answers' : ''} and persisted queries`
      : `upstream responses not cached (CACHE_ENABLED=false); persisted queries in ${this.store.describe()}`;
  }

  /**
   * A GET through the cache: `fetch` makes the upstream call on a miss.
   * Upstream errors are thrown as they are and never cached.
   */
  async get<T>(read: CachedRead, fetch: UpstreamFetch<T>, tracker?: ReadTracker): Promise<UpstreamResponse<T>> {
    const { service } = read;
    const resource = resourceOf(read);
    if (!this.settings.enabled) {
      const response = await fetch();
      tracker?.use({ service, resource, source: 'upstream', ageSeconds: 0, maxAgeSeconds: 0 }, false);
      return response;
    }
    const key = entryKey({ service, baseUrl: read.baseUrl, path: read.path, query: read.query }, this.fingerprints.of(service, read.token));
    const readClass = read.read ?? unclassifiedRead;
    const report = (source: 'cache' | 'stale' | 'upstream', at: number, ttlMs: number | undefined, tags: () => readonly string[]): void => {
      if (tracker === undefined) return;
      const now = this.clock();
      const maxAgeSeconds = ttlMs === undefined ? 0 : Math.max(0, (at + ttlMs - now) / 1000);
      // Tags matter only to an answer that may be kept: one fresh for a second or more.
      tracker.use({ service, resource, source, ageSeconds: Math.max(0, Math.floor((now - at) / 1000)), maxAgeSeconds }, ttlMs !== undefined, maxAgeSeconds >= 1 ? tags() : []);
    };
    const tagsOf = (body: unknown) => (): readonly string[] => this.policy.entryTags(service, read.path, readClass, body);

    // A span for the lookup alone, ended once its result is known: a miss's upstream call is not part of it.
    const lookup = spans.start('cache lookup', () => ({ 'peer.service': service, 'url.template': read.read?.route ?? read.path, 'switchyard.cache.store': this.store.kind }));
    const looked = (result: 'hit' | 'stale' | 'coalesced' | 'miss'): void => {
      lookup?.setAttribute('switchyard.cache.result', result);
      lookup?.end();
    };
    const entry = this.parsed.of(key, await this.store.get(key));
    // An entry past its grace, kept to answer in place of an upstream failure.
    let fallback: StoredEntry | undefined;
    if (entry !== undefined) {
      const age = this.clock() - entry.at;
      const response = { status: entry.status, headers: entry.headers, body: entry.body as T };
      if (age < entry.ttl) {
        looked('hit');
        this.stats.hits++;
        report('cache', entry.at, entry.ttl, () => this.parsed.tagsOf(key, tagsOf(entry.body)));
        return response;
      }
      if (age < entry.ttl + this.settings.staleSeconds * 1000) {
        looked('stale');
        this.stats.staleServes++;
        report('stale', entry.at, 0, () => []);
        if (!this.inflight.has(key)) {
          this.fill(key, read, fetch).catch(() => {
            this.stats.refreshFailures++;
          });
        }
        return response;
      }
      if (age < entry.ttl + (this.settings.staleSeconds + this.settings.staleIfErrorSeconds) * 1000) fallback = entry;
    }
    const pending = this.inflight.get(key);
    try {
      if (pending !== undefined) {
        looked('coalesced');
        return await this.join<T>(pending, (at, ttlMs, body) => report('upstream', at, ttlMs, tagsOf(body)));
      }
      looked('miss');
      this.stats.misses++;
      const fetched = await this.fill(key, read, fetch);
      report('upstream', fetched.at, fetched.ttlMs, tagsOf(fetched.response.body));
      return fetched.response as UpstreamResponse<T>;
    } catch (error) {
      if (fallback === undefined || !servesStale(error)) throw error;
      // The last answer this credential had, rather than a hole: never kept whole, and the response says how old.
      this.stats.staleIfErrorServes++;
      const ageSeconds = Math.max(0, Math.floor((this.clock() - fallback.at) / 1000));
      tracker?.use({ service, resource, source: 'stale', ageSeconds, maxAgeSeconds: 0 }, false);
      tracker?.servedStale(service, ageSeconds);
      return { status: fallback.status, headers: fallback.headers, body: fallback.body as T };
    }
  }

  /**
   * Purges what a write (sent or attempted) may have made stale, for every
   * credential: what its path says, and its operation's `purges`. Called after the write,
   * whatever its outcome: a failed or timed-out write may still have happened.
   */
  async invalidate(service: ServiceName, method: HttpMethod, path: string, purges?: readonly PurgeTarget[]): Promise<void> {
    this.writes++;
    // Reads already under way began before the write: later readers must not join them.
    this.inflight.clear();
    const removed = await this.store.invalidate(this.policy.writeTags(service, method, path, purges));
    this.stats.invalidations += removed;
  }

  /**
   * How many writes (and webhook purges) this gateway has made since start:
   * an answer built while it changed may hold what they made stale.
   */
  writeCount(): number {
    return this.writes;
  }

  /** The fingerprint of a credential, as entry keys hold it. */
  fingerprint(service: ServiceName, token: string): string {
    return this.fingerprints.of(service, token);
  }

  /** Empties the cache (entries and persisted queries). */
  async clear(): Promise<void> {
    this.inflight.clear();
    await this.store.clear();
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  private async join<T>(pending: Promise<Fetched>, report: (at: number, ttlMs: number | undefined, body: unknown) => void): Promise<UpstreamResponse<T>> {
    this.stats.coalesced++;
    const fetched = await pending;
    report(fetched.at, fetched.ttlMs, fetched.response.body);
    return fetched.response as UpstreamResponse<T>;
  }

  /** One upstream call for a key, shared by everyone asking until it is stored. */
  private fill(key: string, read: CachedRead, fetch: UpstreamFetch): Promise<Fetched> {
    const { service } = read;
    const readClass = read.read ?? unclassifiedRead;
    const writesBefore = this.writes;
    const pending = (async (): Promise<Fetched> => {
      const response = await fetch();
      return { response, at: this.clock(), ttlMs: this.ttlOf(service, readClass, response) };
    })();
    this.inflight.set(key, pending);
    const settle = (): void => {
      if (this.inflight.get(key) === pending) this.inflight.delete(key);
    };
    pending.then(
      async (fetched) => {
        try {
          if (fetched.ttlMs === undefined) {
            this.stats.uncacheable++;
          } else if (this.writes === writesBefore) {
            const keepMs = fetched.ttlMs + (this.settings.staleSeconds + this.settings.staleIfErrorSeconds) * 1000;
            await this.store.set(key, JSON.stringify(toEntry(fetched)), keepMs, this.policy.entryTags(service, read.path, readClass, fetched.response.body));
            this.stats.stores++;
          }
        } finally {
          settle();
        }
      },
      settle,
    )
      // Stores never throw; this only keeps an unexpected failure from going unhandled.
      .catch(() => {
        this.stats.errors++;
      });
    return pending;
  }

  private ttlOf(service: ServiceName, read: ReadClass, response: UpstreamResponse): number | undefined {
    const limit = upstreamLimit(response.headers, this.settings.storePrivate);
    if (!limit.store) return undefined;
    const kind = this.policy.ttlKind(service, read, response.body);
    if (kind === undefined) return undefined;
    const ttlMs = Math.min(this.settings.ttlSeconds[kind] * 1000, limit.maxAgeMs ?? Number.POSITIVE_INFINITY);
    return ttlMs > 0 ? ttlMs : undefined;
  }
}

function toEntry(fetched: Fetched): StoredEntry {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(fetched.response.headers)) {
    if (value !== undefined && !droppedHeaders.has(name)) headers[name] = value;
  }
  return { status: fetched.response.status, headers, body: fetched.response.body, at: fetched.at, ttl: fetched.ttlMs ?? 0 };
}

function parseEntry(raw: string): StoredEntry | undefined {
  try {
    const entry = JSON.parse(raw) as StoredEntry;
    return typeof entry.at === 'number' && typeof entry.ttl === 'number' && typeof entry.status === 'number' ? entry : undefined;
  } catch {
    return undefined;
  }
}

// Enough for the hot entries of a busy gateway; each holds the stored text and its parse.
const parsedEntryLimit = 512;
// Under test, shared bodies are frozen so that a mapper writing into one fails loudly.
const freezeParsed = process.env['NODE_ENV'] === 'test';

/**
 * The last parse of recently read entries, so that a hit on an unchanged
 * entry does not parse it again. Valid because the stored text is compared
 * (a replaced, refreshed or other replica's entry is parsed anew) and
 * because nothing writes into an upstream body after it is fetched: mappers
 * build new models, so one parsed body can serve many operations.
 */
class ParsedEntries {
  private readonly entries = new Map<string, { readonly raw: string; readonly entry: StoredEntry | undefined; tags?: readonly string[] }>();

  constructor(private readonly limit: number) {}

  of(key: string, raw: string | undefined): StoredEntry | undefined {
    if (raw === undefined) {
      this.entries.delete(key);
      return undefined;
    }
    const known = this.entries.get(key);
    if (known !== undefined && known.raw === raw) return known.entry;
    const entry = parseEntry(raw);
    if (freezeParsed && entry !== undefined) deepFreeze(entry);
    this.entries.delete(key);
    this.entries.set(key, { raw, entry });
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    return entry;
  }

  /** The invalidation tags of the entry last read at `key`, worked out once per parse. */
  tagsOf(key: string, compute: () => readonly string[]): readonly string[] {
    const known = this.entries.get(key);
    if (known === undefined) return compute();
    known.tags ??= compute();
    return known.tags;
  }
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/** Apollo's key-value cache (persisted queries and more) over the same store. */
export class ApolloStoreCache {
  constructor(private readonly store: CacheStore) {}

  async get(key: string): Promise<string | undefined> {
    return this.store.get(`${keyPrefix}apollo:${key}`);
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttl = options?.ttl;
    // Apollo asks for no expiry with null; a day bounds what a shared Redis keeps.
    await this.store.set(`${keyPrefix}apollo:${key}`, value, typeof ttl === 'number' && ttl > 0 ? ttl * 1000 : 86_400_000);
  }

  async delete(key: string): Promise<void> {
    await this.store.delete(`${keyPrefix}apollo:${key}`);
  }
}
