import { serviceNames, type ServiceName } from './ServiceName.js';
import { ConfigError } from './ConfigError.js';
import { liveSettingNames, loadLiveSettings, type LiveSettings } from './liveSettings.js';

import { cacheSettingNames, readCacheSettings, type CacheSettings } from './cacheSettings.js';
import { limitSettingNames, loadLimitSettings, type LimitSettings } from './limitSettings.js';
import { authSettingNames, loadAuthSettings, type AuthSettings } from './authSettings.js';
import { loadTracingSettings, tracingSettingNames, type TracingSettings } from './tracingSettings.js';
import { loadTrustedDocuments, trustedDocumentsSettingName } from './trustedDocumentsSetting.js';
import { loadResilienceSettings, resilienceSettingNames, type ResilienceSettings } from './resilienceSettings.js';

export { ConfigError };

/** One upstream service's connection settings. */
export interface ServiceConfig {
  /** Base URL, e.g. `https://circleci.com/api/v2`; without a trailing slash. */
  readonly url: string;
  /** Credential used when a request sends none of its own. */
  readonly token: string | undefined;
}

/** The gateway's whole configuration, read once from the environment at start. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Services with a URL. In demo mode, filled in with the simulators' URLs at start. */
  readonly services: Readonly<Partial<Record<ServiceName, ServiceConfig>>>;
  /** True when no service URL was set: every simulator runs in process. */
  readonly demo: boolean;
  readonly redisUrl: string | undefined;
  /** Timeout for one upstream HTTP call. */
  readonly upstreamTimeoutMs: number;
  /** The largest upstream answer body read (`UPSTREAM_MAX_RESPONSE_BYTES`). */
  readonly upstreamMaxResponseBytes: number;
  /** Key for credential fingerprints in cache keys; random per process when unset. */
  readonly cacheKeySecret: string | undefined;
  /** The response cache's `CACHE_*` settings. */
  readonly cache: CacheSettings;
  /** Serve the GraphQL explorer at `/`. */
  readonly explorer: boolean;
  /** Answer introspection (`__schema`, `__type`): `INTROSPECTION`, off by default when `NODE_ENV=production`. */
  readonly introspection: boolean;
  /** Say "Did you mean …?" in error messages: `QUERY_FIELD_SUGGESTIONS`, as `introspection` by default. */
  readonly fieldSuggestions: boolean;
  /** Origins of browser pages that may call the gateway from another origin (CORS) and open its WebSocket: `CORS_ORIGINS`; none by default. */
  readonly corsOrigins: readonly string[];
  readonly logLevel: string;
  /** Concord organizations the cross-service project list reads, in order (CONCORD_ORGS). */
  readonly concordOrgs: readonly string[];
  /** How long a shutdown waits for in-flight requests before closing their connections. */
  readonly shutdownGraceMs: number;
  /** Subscriptions: webhook secrets, body limit, polling. */
  readonly live: LiveSettings;
  /** Operation cost limits (`QUERY_MAX_*`, `OPERATION_MAX_UPSTREAM_CALLS`). */
  readonly limits: LimitSettings;
  /** Client authentication (`GATEWAY_API_KEYS`, `AUTH_JWT_*`); off by default. */
  readonly auth: AuthSettings;
  /** OpenTelemetry tracing (`OTEL_EXPORTER_OTLP_ENDPOINT`, …); off by default. */
  readonly tracing: TracingSettings;
  /** Circuit breakers, retries and the nesting bound of upstream JSON. */
  readonly resilience: ResilienceSettings;
  /** Trusted documents mode (`TRUSTED_DOCUMENTS`): the only operations that run, by SHA-256; undefined runs any. */
  readonly trustedDocuments: ReadonlyMap<string, string> | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Each service's settings: the environment variables of its URL and
 * credential, and the request header a client may send its own credential in.
 */
export const serviceSettings: Readonly<Record<ServiceName, { url: string; token: string; header: string }>> = {
  circleci: { url: 'CIRCLECI_URL', token: 'CIRCLECI_TOKEN', header: 'x-circleci-token' },
  ghes: { url: 'GHES_URL', token: 'GHES_TOKEN', header: 'x-ghes-token' },
  gitlab: { url: 'GITLAB_URL', token: 'GITLAB_TOKEN', header: 'x-gitlab-token' },
  concord: { url: 'CONCORD_URL', token: 'CONCORD_TOKEN', header: 'x-concord-token' },
  flexstack: { url: 'FLEXSTACK_URL', token: 'FLEXSTACK_API_KEY', header: 'x-flexstack-key' },
};

/** Every environment variable the gateway reads; deployment files may set only these. */
export const settingNames: readonly string[] = [
  ...Object.values(serviceSettings).flatMap((names) => [names.url, names.token]),
  'PORT',
  'HOST',
  'REDIS_URL',
  'UPSTREAM_TIMEOUT_MS',
  'UPSTREAM_MAX_RESPONSE_BYTES',
  'CACHE_KEY_SECRET',
  'EXPLORER',
  'NODE_ENV',
  'INTROSPECTION',
  'QUERY_FIELD_SUGGESTIONS',
  'CORS_ORIGINS',
  'LOG_LEVEL',
  'SHUTDOWN_GRACE_MS',
  'CONCORD_ORGS',
  ...liveSettingNames,
  ...cacheSettingNames,
  ...Object.values(limitSettingNames),
  ...authSettingNames,
  ...tracingSettingNames,
  trustedDocumentsSettingName,
  ...resilienceSettingNames,
];

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function parseUrl(name: string, value: string, protocols: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `"${value}" is not a URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `expected a ${protocols.join(' or ')} URL, got "${url.protocol}"`);
  }
  return value.replace(/\/+$/, '');
}

function parseInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a whole number`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `${value} is outside ${min}..${max}`);
  return value;
}

function parseList(env: Env, name: string, fallback: readonly string[]): readonly string[] {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const items = raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (items.length === 0) throw new ConfigError(name, 'expected a comma-separated list');
  return Object.freeze(items);
}

/** A list of exact origins (`https://portal.example.com`, a port if not the scheme's own), or `*` for any. */
function parseOrigins(env: Env, name: string): readonly string[] {
  const items = parseList(env, name, []);
  for (const item of items) {
    if (item === '*') continue;
    let origin: string | undefined;
    try {
      const url = new URL(item);
      origin = url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
    } catch {
      origin = undefined;
    }
    if (origin !== item) throw new ConfigError(name, `"${item}" is not an origin such as https://portal.example.com (scheme, host and port only, no path or trailing slash), nor *`);
  }
  return items;
}

function parseBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = nonEmpty(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `"${raw}" is not true or false`);
}

/**
 * Reads and validates the configuration. Throws a {@link ConfigError} naming
 * the first setting that cannot be used.
 */
export function loadConfig(env: Env = process.env): Config {
  const services: Partial<Record<ServiceName, ServiceConfig>> = {};
  for (const service of serviceNames) {
    const names = serviceSettings[service];
    const url = nonEmpty(env, names.url);
    if (url !== undefined) {
      services[service] = Object.freeze({ url: parseUrl(names.url, url, ['http:', 'https:']), token: nonEmpty(env, names.token) });
    }
  }
  const redis = nonEmpty(env, 'REDIS_URL');
  // Apollo Server's own default: no introspection in production.
  const introspection = parseBoolean(env, 'INTROSPECTION', nonEmpty(env, 'NODE_ENV') !== 'production');
  const config: Config = {
    port: parseInteger(env, 'PORT', 4000, 0, 65_535),
    host: nonEmpty(env, 'HOST') ?? '0.0.0.0',
    services: Object.freeze(services),
    demo: Object.keys(services).length === 0,
    redisUrl: redis === undefined ? undefined : parseUrl('REDIS_URL', redis, ['redis:', 'rediss:']),
    upstreamTimeoutMs: parseInteger(env, 'UPSTREAM_TIMEOUT_MS', 10_000, 1, 300_000),
    upstreamMaxResponseBytes: parseInteger(env, 'UPSTREAM_MAX_RESPONSE_BYTES', 33_554_432, 1024, 1_073_741_824),
    cacheKeySecret: nonEmpty(env, 'CACHE_KEY_SECRET'),
    cache: readCacheSettings(env),
    explorer: parseBoolean(env, 'EXPLORER', true),
    introspection,
    // Suggestions name fields and types: a schema hidden from introspection is not spelled out in errors either.
    fieldSuggestions: parseBoolean(env, 'QUERY_FIELD_SUGGESTIONS', introspection),
    corsOrigins: parseOrigins(env, 'CORS_ORIGINS'),
    logLevel: nonEmpty(env, 'LOG_LEVEL') ?? 'info',
    concordOrgs: parseList(env, 'CONCORD_ORGS', ['Default']),
    shutdownGraceMs: parseInteger(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    live: loadLiveSettings(env),
    limits: loadLimitSettings(env),
    auth: loadAuthSettings(env),
    tracing: loadTracingSettings(env),
    trustedDocuments: loadTrustedDocuments(env),
    resilience: loadResilienceSettings(env),
  };
  return Object.freeze(config);
}
