import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * The gateway's API keys, compared in constant time: each sent key is
 * compared with every configured one through fixed-length digests, so
 * neither a key's length nor which key matched shows in the timing.
 */
export class ApiKeys {
  private readonly digests: readonly Buffer[];

  constructor(keys: readonly string[]) {
    this.digests = keys.map(digest);
  }

  /** Whether `sent` is one of the keys. */
  matches(sent: string): boolean {
    const candidate = digest(sent);
    let found = false;
    for (const key of this.digests) found = timingSafeEqual(candidate, key) || found;
    return found;
  }
}
