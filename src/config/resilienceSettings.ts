import { envSetting } from './envSetting.js';

/** When a service's circuit opens, and how it closes again. */
export interface BreakerSettings {
  /** Circuit breakers on (`CIRCUIT_BREAKER_ENABLED`). */
  readonly enabled: boolean;
  /** The share of failed calls in the window (0–1) that opens a circuit (`CIRCUIT_BREAKER_FAILURE_RATE`, a percentage). */
  readonly failureRate: number;
  /** Calls the window must hold before the rate counts (`CIRCUIT_BREAKER_MIN_CALLS`). */
  readonly minimumCalls: number;
  /** Failed calls in a row that open a circuit whatever the window holds; 0 for none (`CIRCUIT_BREAKER_CONSECUTIVE_FAILURES`). */
  readonly consecutiveFailures: number;
  /** How far back the window of outcomes reaches, in ms (`CIRCUIT_BREAKER_WINDOW_MS`). */
  readonly windowMs: number;
  /** How long an open circuit refuses calls before probing, in ms (`CIRCUIT_BREAKER_RESET_MS`). */
  readonly resetMs: number;
  /** Probe calls let through half-open; that many successes close the circuit (`CIRCUIT_BREAKER_HALF_OPEN_CALLS`). */
  readonly halfOpenCalls: number;
}

/** How the gateway protects itself and the services from a service that misbehaves. */
export interface ResilienceSettings {
  readonly breaker: BreakerSettings;
  /** Retry an idempotent GET once after a connection reset, 502 or 503 (`UPSTREAM_RETRY_ENABLED`). */
  readonly retry: boolean;
  /** Deepest nesting of arrays and objects read from an upstream's JSON (`UPSTREAM_MAX_JSON_DEPTH`). */
  readonly maxJsonDepth: number;
}

/**
 * Production defaults, those of Hystrix, ngrok and Cosmo's breakers: half of at
 * least 10 calls within 10 s failing opens a circuit, for 10 s, then 3 probe
 * calls decide. Five failures in a row open it too, as Envoy ejects a host
 * after five 5xx in a row: a window's rate reacts slowly when a service that
 * was answering a dozen calls per dashboard hangs on the first (its successes
 * fill the window for its whole length), and never when a single client waits
 * out a 10 s timeout at a time.
 */
export const defaultResilience: ResilienceSettings = {
  breaker: { enabled: true, failureRate: 0.5, minimumCalls: 10, consecutiveFailures: 5, windowMs: 10_000, resetMs: 10_000, halfOpenCalls: 3 },
  retry: true,
  // Real answers nest less than 10 levels (a Concord project's `cfg` is the deepest, and user-written);
  // the same bound as a client's request JSON.
  maxJsonDepth: 64,
};

/** Every environment variable these settings read. */
export const resilienceSettingNames: readonly string[] = [
  'CIRCUIT_BREAKER_ENABLED',
  'CIRCUIT_BREAKER_FAILURE_RATE',
  'CIRCUIT_BREAKER_MIN_CALLS',
  'CIRCUIT_BREAKER_CONSECUTIVE_FAILURES',
  'CIRCUIT_BREAKER_WINDOW_MS',
  'CIRCUIT_BREAKER_RESET_MS',
  'CIRCUIT_BREAKER_HALF_OPEN_CALLS',
  'UPSTREAM_RETRY_ENABLED',
  'UPSTREAM_MAX_JSON_DEPTH',
];

type Env = Readonly<Record<string, string | undefined>>;

const { integer, boolean } = envSetting;

/** Reads the circuit breaker, retry and upstream JSON settings; throws a ConfigError naming a bad one. */
export function loadResilienceSettings(env: Env): ResilienceSettings {
  const defaults = defaultResilience.breaker;
  const breaker: BreakerSettings = Object.freeze({
    enabled: boolean(env, 'CIRCUIT_BREAKER_ENABLED', defaults.enabled),
    failureRate: integer(env, 'CIRCUIT_BREAKER_FAILURE_RATE', defaults.failureRate * 100, 1, 100) / 100,
    minimumCalls: integer(env, 'CIRCUIT_BREAKER_MIN_CALLS', defaults.minimumCalls, 1, 1_000_000),
    consecutiveFailures: integer(env, 'CIRCUIT_BREAKER_CONSECUTIVE_FAILURES', defaults.consecutiveFailures, 0, 1_000_000),
    windowMs: integer(env, 'CIRCUIT_BREAKER_WINDOW_MS', defaults.windowMs, 100, 3_600_000),
    resetMs: integer(env, 'CIRCUIT_BREAKER_RESET_MS', defaults.resetMs, 10, 3_600_000),
    halfOpenCalls: integer(env, 'CIRCUIT_BREAKER_HALF_OPEN_CALLS', defaults.halfOpenCalls, 1, 1_000),
  });
  return Object.freeze({
    breaker,
    retry: boolean(env, 'UPSTREAM_RETRY_ENABLED', defaultResilience.retry),
    maxJsonDepth: integer(env, 'UPSTREAM_MAX_JSON_DEPTH', defaultResilience.maxJsonDepth, 1, 10_000),
  });
}
