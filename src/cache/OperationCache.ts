import { hash } from 'node:crypto';
import { serviceNames, type ServiceName } from '../config/ServiceName.js';
import type { CacheStore } from './CacheStore.js';
import type { StorableAnswer } from './CacheTracker.js';
import { keyPrefix } from './keys.js';

/** What names one GraphQL operation in a request: its document (or persisted hash), operation name and variables. */
export interface OperationRequest {
  readonly query: string | undefined;
  /** The automatic persisted query hash, when the request sends one. */
  readonly hash: string | undefined;
  readonly operationName: string | undefined;
  readonly variables: unknown;
  readonly extensions: unknown;
}

/** A whole answer served from the cache. */
export interface CachedOperation {
  /** The answer's bytes, as first sent. */
  readonly body: string;
  /** The answer's headers as first sent, but for `cache-control` and `x-request-id`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The operation's name, for its log line. */
  readonly operationName: string;
  /** Whole seconds it stays fresh from now: at least 1. */
  readonly maxAgeSeconds: number;
}

/** An answer to keep, as Apollo Server sent it. */
export interface AnswerToKeep {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly operationName: string;
}

/** The counters of the whole-answer cache since start. */
export interface OperationCacheCounts {
  /** Operations answered from the cache, with no execution. */
  readonly hits: number;
  /** Operations looked up and not found, so executed. */
  readonly misses: number;
  /** Answers stored. */
  readonly stores: number;
}

/** What an operation cache is built from. */
export interface OperationCacheOptions {
  readonly store: CacheStore;
  /** The keyed fingerprint of a credential (never the token itself). */
  readonly fingerprint: (service: ServiceName, token: string) => string;
  /** Counts writes and purges since start; an answer built while it changed is not kept. */
  readonly writeCount: () => number;
  /** Where the services are: gateways pointed at other hosts never share answers. */
  readonly scope: string;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly clock?: (() => number) | undefined;
}

interface StoredOperation {
  readonly at: number;
  readonly ttl: number;
  readonly operationName: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Whole GraphQL answers, kept per credential fingerprint (of every service
 * credential the request resolved), document, operation name and variables,
 * in the same store as upstream answers, for as long as the shortest-lived
 * upstream answer they hold stays fresh, and filed under the tags of every
 * upstream answer they used: the writes and webhook events that purge those
 * purge them too. A hit is served from the stored bytes with no execution.
 */
export class OperationCache {
  private readonly clock: () => number;
  private hits = 0;
  private misses = 0;
  private stores = 0;

  constructor(private readonly options: OperationCacheOptions) {
    this.clock = options.clock ?? Date.now;
  }

  /** The cache key of an operation for a set of resolved credentials. */
  keyOf(credentials: Partial<Record<ServiceName, string>>, request: OperationRequest, accept: string): string {
    let material = `${this.options.scope}\u0000`;
    for (const service of serviceNames) {
      const token = credentials[service];
      material += `${token === undefined ? '-' : this.options.fingerprint(service, token)}\u0000`;
    }
    // Variables and extensions are maps: the same operation sent with its keys in another order is the same key.
    material += `${accept}\u0000${canonicalJson([request.query ?? null, request.hash ?? null, request.operationName ?? null, request.variables ?? null, request.extensions ?? null])}`;
    // One call, no Hash object per request.
    return `${keyPrefix}o:${hash('sha256', material, 'base64url')}`;
  }

  /** The stored answer of a key while it is fresh; counts a hit or a miss. */
  async get(key: string): Promise<CachedOperation | undefined> {
    const found = parseStored(await this.options.store.get(key), this.clock());
    if (found === undefined) this.misses++;
    else this.hits++;
    return found;
  }

  /** The write count now, to give back to {@link set} once the answer is ready. */
  writesNow(): number {
    return this.options.writeCount();
  }

  /**
   * Keeps an answer, unless a write or purge happened since `writesBefore`
   * (it may hold what that made stale).
   */
  async set(key: string, answer: AnswerToKeep, storable: StorableAnswer, writesBefore: number): Promise<void> {
    if (this.options.writeCount() !== writesBefore) return;
    const meta: StoredOperation = { at: this.clock(), ttl: storable.ttlMs, operationName: answer.operationName, headers: answer.headers };
    await this.options.store.set(key, `${JSON.stringify(meta)}\n${answer.body}`, storable.ttlMs, storable.tags);
    this.stores++;
  }

  /** The counts since start, for `/metrics`. */
  counts(): OperationCacheCounts {
    return { hits: this.hits, misses: this.misses, stores: this.stores };
  }
}

/** Whether every object in a JSON value already has its keys in sorted order and no undefined field. */
function inCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every((item) => item !== undefined && inCanonicalOrder(item));
  let previous: string | undefined;
  for (const key in value) {
    if (previous !== undefined && previous >= key) return false;
    const field = (value as Readonly<Record<string, unknown>>)[key];
    if (field === undefined || !inCanonicalOrder(field)) return false;
    previous = key;
  }
  return true;
}

/** JSON with every object's keys in sorted order (arrays keep theirs). */
export function canonicalJson(value: unknown): string {
  // Most variables come in order already (one key, or sorted by the client): then JSON.stringify's text is canonical.
  if (inCanonicalOrder(value)) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Readonly<Record<string, unknown>>;
    const fields = Object.keys(object)
      .filter((key) => object[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function parseStored(raw: string | undefined, now: number): CachedOperation | undefined {
  if (raw === undefined) return undefined;
  const newline = raw.indexOf('\n');
  if (newline < 0) return undefined;
  let meta: StoredOperation;
  try {
    meta = JSON.parse(raw.slice(0, newline)) as StoredOperation;
  } catch {
    return undefined;
  }
  if (typeof meta.at !== 'number' || typeof meta.ttl !== 'number') return undefined;
  const maxAgeSeconds = Math.floor((meta.at + meta.ttl - now) / 1000);
  // Under a second left: the answer's own Cache-Control would say max-age=0, so it is not served.
  if (maxAgeSeconds < 1) return undefined;
  return { body: raw.slice(newline + 1), headers: meta.headers, operationName: meta.operationName, maxAgeSeconds };
}
