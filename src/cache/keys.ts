import { createHmac, randomBytes } from 'node:crypto';
import type { ServiceName } from '../config/ServiceName.js';
import type { QueryValue } from './types.js';
import { formQuery } from '../http/formEncoded.js';

/** Every key the gateway writes starts with this, so that it can share a Redis database. */
export const keyPrefix = 'switchyard:';

/**
 * The query string with parameters sorted by name (values of one name keep
 * their order, which can matter), without absent values, encoded the way
 * URLs are sent.
 */
export function normalisedQuery(query: Readonly<Record<string, QueryValue>> | undefined): string {
  return query === undefined ? '' : formQuery(query, Object.keys(query).sort());
}

/**
 * Turns credentials into fingerprints: HMAC-SHA256 under a secret (random per
 * process when none is set), so keys never hold a token and cannot be
 * reversed into one, and two tokens never share a key.
 */
export class CredentialFingerprints {
  private readonly secret: Buffer;
  private readonly memo = new Map<ServiceName, Map<string, string>>();
  /** Fingerprints remembered, over all services. */
  private remembered = 0;

  /** How many fingerprints are remembered now, over all services (at most 10,000). */
  get size(): number {
    return this.remembered;
  }

  constructor(secret: string | undefined) {
    this.secret = secret === undefined ? randomBytes(32) : Buffer.from(secret, 'utf8');
  }

  of(service: ServiceName, token: string): string {
    let known = this.memo.get(service);
    if (known === undefined) {
      known = new Map();
      this.memo.set(service, known);
    }
    let fingerprint = known.get(token);
    if (fingerprint === undefined) {
      fingerprint = createHmac('sha256', this.secret).update(`${service}\u0000${token}`).digest('base64url').slice(0, 32);
      // Bounded: a gateway sees few distinct credentials, but never trust that.
      if (this.remembered >= 10_000) {
        for (const map of this.memo.values()) map.clear();
        this.remembered = 0;
      }
      known.set(token, fingerprint);
      this.remembered++;
    }
    return fingerprint;
  }
}

/** What identifies one cached upstream GET. */
export interface EntryAddress {
  readonly service: ServiceName;
  /** The service's base URL, so gateways pointed at different hosts never mix answers. */
  readonly baseUrl: string;
  /** Path below the base URL, as sent. */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>> | undefined;
}

/** The path and normalised query of a request, as shown to clients and in logs. */
export function resourceOf(address: Pick<EntryAddress, 'path' | 'query'>): string {
  const query = normalisedQuery(address.query);
  return query === '' ? address.path : `${address.path}?${query}`;
}

/** The cache key of one upstream GET for one credential fingerprint. */
export function entryKey(address: EntryAddress, fingerprint: string): string {
  return `${keyPrefix}r:${address.service}:${fingerprint}:GET ${address.baseUrl}${resourceOf(address)}`;
}
