import { BoundedMap } from '../../cache/BoundedMap.js';

/**
 * Reads shared by key on this replica: callers asking for a key while its
 * read is in flight get that read, and a successful answer serves the same
 * key for `ttlMs` more (0: only while in flight). Failures are never kept.
 * Keys must hold the credential's fingerprint: only one credential's callers
 * may share its reads.
 */
export class SharedReads<T> {
  private readonly inFlight = new Map<string, Promise<T>>();
  private readonly kept = new BoundedMap<string, { readonly value: T; readonly until: number }>(10_000);

  constructor(private readonly ttlMs: number) {}

  read(key: string, load: () => Promise<T>): Promise<T> {
    const kept = this.kept.get(key);
    if (kept !== undefined && kept.until > Date.now()) return Promise.resolve(kept.value);
    let reading = this.inFlight.get(key);
    if (reading === undefined) {
      reading = load().then((value) => {
        if (this.ttlMs > 0) this.kept.set(key, { value, until: Date.now() + this.ttlMs });
        return value;
      });
      const settled = (): void => {
        if (this.inFlight.get(key) === reading) this.inFlight.delete(key);
      };
      reading.then(settled, settled);
      this.inFlight.set(key, reading);
    }
    return reading;
  }
}
