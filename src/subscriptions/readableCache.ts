/** How long a subscriber's access to something, once checked, is trusted. */
export const accessTtlMs = 300_000;

/** Remembers, per key, whether the subscriber's credential could read it; checks again after a while. */
export interface ReadableCache {
  canRead(key: string): Promise<boolean>;
  /** Records a read that just succeeded. */
  trust(key: string): void;
}

/** A {@link ReadableCache} over `check`, which throws when the credential cannot read the key. */
export function readableCache(check: (key: string) => Promise<unknown>, ttlMs = accessTtlMs): ReadableCache {
  const known = new Map<string, { ok: Promise<boolean>; until: number }>();
  return {
    canRead(key) {
      const cached = known.get(key);
      if (cached !== undefined && cached.until > Date.now()) return cached.ok;
      const ok = check(key).then(
        () => true,
        () => false,
      );
      known.set(key, { ok, until: Date.now() + ttlMs });
      return ok;
    },
    trust(key) {
      known.set(key, { ok: Promise.resolve(true), until: Date.now() + ttlMs });
    },
  };
}
