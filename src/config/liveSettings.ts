import { ConfigError } from './ConfigError.js';

/** The webhook services the gateway receives events from. */
export const webhookServices = ['circleci', 'ghes', 'gitlab', 'flexstack'] as const;
/** A service whose webhooks the gateway receives. */
export type WebhookService = (typeof webhookServices)[number];

/** Settings of live updates: webhook secrets, body limit and polling. */
export interface LiveSettings {
  /** Each receiver's secret; a receiver without one is disabled. */
  readonly webhookSecrets: Readonly<Partial<Record<WebhookService, string>>>;
  readonly webhookMaxBodyBytes: number;
  /** How long a delivery id is remembered to drop duplicate deliveries. */
  readonly webhookDedupeSeconds: number;
  /** Pause between two polls of one watched pipeline, or of a project whose latest run is active. */
  readonly pollIntervalMs: number;
  /** Pause between two polls of a project whose latest run is finished (or that has none). */
  readonly pollIdleIntervalMs: number;
  /** How long a replica's poll lease on a pipeline lasts unless renewed. */
  readonly pollLeaseMs: number;
  /** Longest wait after failures, whatever the backoff says (a service's own `retryAfter` is still honoured). */
  readonly pollMaxBackoffMs: number;
  /** Most project ids one `pipelinesChanged` subscription may name. */
  readonly maxWatchedProjects: number;
}

/** The environment variable of each receiver's secret. */
export const webhookSecretSettings: Readonly<Record<WebhookService, string>> = {
  circleci: 'CIRCLECI_WEBHOOK_SECRET',
  ghes: 'GHES_WEBHOOK_SECRET',
  gitlab: 'GITLAB_WEBHOOK_SECRET',
  flexstack: 'FLEXSTACK_WEBHOOK_SECRET',
};

/** Every environment variable these settings read. */
export const liveSettingNames: readonly string[] = [
  ...Object.values(webhookSecretSettings),
  'WEBHOOK_MAX_BODY_BYTES',
  'WEBHOOK_DEDUPE_SECONDS',
  'SUBSCRIPTION_POLL_INTERVAL_MS',
  'SUBSCRIPTION_POLL_LEASE_MS',
  'SUBSCRIPTION_POLL_MAX_BACKOFF_MS',
  'SUBSCRIPTION_POLL_IDLE_INTERVAL_MS',
  'SUBSCRIPTION_MAX_PROJECTS',
];

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a whole number`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `${value} is outside ${min}..${max}`);
  return value;
}

/** Reads the live-update settings; throws a {@link ConfigError} naming a bad one. */
export function loadLiveSettings(env: Env): LiveSettings {
  const webhookSecrets: Partial<Record<WebhookService, string>> = {};
  for (const service of webhookServices) {
    const secret = env[webhookSecretSettings[service]]?.trim();
    if (secret !== undefined && secret !== '') webhookSecrets[service] = secret;
  }
  const pollIntervalMs = integer(env, 'SUBSCRIPTION_POLL_INTERVAL_MS', 5_000, 50, 3_600_000);
  const pollLeaseMs = integer(env, 'SUBSCRIPTION_POLL_LEASE_MS', Math.max(15_000, pollIntervalMs * 3), 100, 3_600_000);
  if (pollLeaseMs <= pollIntervalMs) {
    throw new ConfigError('SUBSCRIPTION_POLL_LEASE_MS', `must be longer than SUBSCRIPTION_POLL_INTERVAL_MS (${pollIntervalMs})`);
  }
  const pollIdleIntervalMs = integer(env, 'SUBSCRIPTION_POLL_IDLE_INTERVAL_MS', Math.max(60_000, pollIntervalMs), 50, 3_600_000);
  if (pollIdleIntervalMs < pollIntervalMs) {
    throw new ConfigError('SUBSCRIPTION_POLL_IDLE_INTERVAL_MS', `must be at least SUBSCRIPTION_POLL_INTERVAL_MS (${pollIntervalMs})`);
  }
  return Object.freeze({
    webhookSecrets: Object.freeze(webhookSecrets),
    webhookMaxBodyBytes: integer(env, 'WEBHOOK_MAX_BODY_BYTES', 1_048_576, 1_024, 26_214_400),
    webhookDedupeSeconds: integer(env, 'WEBHOOK_DEDUPE_SECONDS', 86_400, 1, 2_592_000),
    pollIntervalMs,
    pollLeaseMs,
    pollIdleIntervalMs,
    pollMaxBackoffMs: integer(env, 'SUBSCRIPTION_POLL_MAX_BACKOFF_MS', 300_000, 100, 3_600_000),
    maxWatchedProjects: integer(env, 'SUBSCRIPTION_MAX_PROJECTS', 100, 1, 1_000),
  });
}
