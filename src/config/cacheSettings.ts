import { envSetting } from './envSetting.js';

/** How long each kind of upstream resource stays fresh. */
export const cacheKinds = ['RUN_FINISHED', 'RUN_ACTIVE', 'OBJECT', 'LIST', 'SETTINGS'] as const;

/** A kind of upstream resource, each with its own TTL (`CACHE_TTL_<KIND>_SECONDS`). */
export type CacheKind = (typeof cacheKinds)[number];

/** Default freshness per kind, in seconds. */
export const defaultTtlSeconds: Readonly<Record<CacheKind, number>> = {
  // A finished pipeline, workflow or job no longer changes.
  RUN_FINISHED: 3600,
  // A running one changes status within seconds.
  RUN_ACTIVE: 5,
  OBJECT: 60,
  // Lists gain and lose members more often than one object changes.
  LIST: 15,
  SETTINGS: 300,
};

/** The response cache's settings. */
export interface CacheSettings {
  /** Cache upstream GET responses (`CACHE_ENABLED`). */
  readonly enabled: boolean;
  /** In-memory store bound by entry count (`CACHE_MAX_ENTRIES`). */
  readonly maxEntries: number;
  /** In-memory store bound by bytes (`CACHE_MAX_BYTES`). */
  readonly maxBytes: number;
  /** Freshness per kind of resource. */
  readonly ttlSeconds: Readonly<Record<CacheKind, number>>;
  /** After expiry, how long a stale entry may still be served while one refresh runs (`CACHE_STALE_SECONDS`). */
  readonly staleSeconds: number;
  /**
   * After that, how long an expired entry is still kept to answer a read whose upstream call fails
   * (timeout, 5xx, unreachable, open circuit, rate limit) (`CACHE_STALE_IF_ERROR_SECONDS`).
   */
  readonly staleIfErrorSeconds: number;
  /**
   * Store answers the upstream marks `Cache-Control: private` (`CACHE_STORE_PRIVATE`): entries
   * are per credential, so this cache is private in the HTTP sense. GitHub marks every
   * authenticated answer private. `no-store` and `no-cache` are always respected.
   */
  readonly storePrivate: boolean;
  /** The longest the gateway waits for any one Redis call before going to the upstream (`CACHE_REDIS_TIMEOUT_MS`). */
  readonly redisTimeoutMs: number;
  /** Keep whole GraphQL answers too, served with no execution (`RESPONSE_CACHE_ENABLED`; only with `enabled`). */
  readonly responsesEnabled: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

const { integer, boolean } = envSetting;

/** Every environment variable these settings read. */
export const cacheSettingNames: readonly string[] = [
  'CACHE_ENABLED',
  'CACHE_MAX_ENTRIES',
  'CACHE_MAX_BYTES',
  ...cacheKinds.map((kind) => `CACHE_TTL_${kind}_SECONDS`),
  'CACHE_STALE_SECONDS',
  'CACHE_STALE_IF_ERROR_SECONDS',
  'CACHE_STORE_PRIVATE',
  'CACHE_REDIS_TIMEOUT_MS',
  'RESPONSE_CACHE_ENABLED',
];

/** Reads the `CACHE_*` settings; throws a ConfigError naming a setting that cannot be used. */
export function readCacheSettings(env: Env): CacheSettings {
  const ttlSeconds = {} as Record<CacheKind, number>;
  for (const kind of cacheKinds) ttlSeconds[kind] = integer(env, `CACHE_TTL_${kind}_SECONDS`, defaultTtlSeconds[kind], 0, 604_800);
  const enabled = boolean(env, 'CACHE_ENABLED', true);
  // Whole answers are built from cached upstream answers: with those off there is nothing to keep.
  const responsesEnabled = boolean(env, 'RESPONSE_CACHE_ENABLED', enabled) && enabled;
  return Object.freeze({
    enabled,
    responsesEnabled,
    maxEntries: integer(env, 'CACHE_MAX_ENTRIES', 10_000, 1, 10_000_000),
    maxBytes: integer(env, 'CACHE_MAX_BYTES', 64 * 1024 * 1024, 1024, 68_719_476_736),
    ttlSeconds: Object.freeze(ttlSeconds),
    staleSeconds: integer(env, 'CACHE_STALE_SECONDS', 30, 0, 86_400),
    staleIfErrorSeconds: integer(env, 'CACHE_STALE_IF_ERROR_SECONDS', 300, 0, 604_800),
    storePrivate: boolean(env, 'CACHE_STORE_PRIVATE', false),
    redisTimeoutMs: integer(env, 'CACHE_REDIS_TIMEOUT_MS', 75, 1, 10_000),
  });
}
