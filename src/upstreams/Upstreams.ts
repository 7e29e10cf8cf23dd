import type { Config } from '../config/config.js';
import type { BreakerSettings } from '../config/resilienceSettings.js';
import { serviceLabels, serviceNames, type ServiceName } from '../config/ServiceName.js';
import { CredentialFingerprints } from '../cache/keys.js';
import { UpstreamHttp } from './http/UpstreamHttp.js';
import { CircuitBreaker, type CircuitState, type CircuitTransition } from './http/CircuitBreaker.js';
import { CredentialBackoff } from './http/CredentialBackoff.js';
import { RedisBackoffShare } from './http/RedisBackoffShare.js';
import type { ServiceProtocol, UpstreamObserver } from './http/types.js';
import { protocols } from './protocols.js';

/** The few log calls the upstream side makes (a pino logger fits). */
export interface UpstreamLog {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

/** What the upstream clients share beside the config: the gateway's credential fingerprints, clock and log. */
export interface UpstreamsOptions {
  /** The keyed fingerprint of a credential, as cache keys hold it (so replicas with one `CACHE_KEY_SECRET` agree); a random key per process when absent. */
  readonly fingerprint?: ((service: ServiceName, token: string) => string) | undefined;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly clock?: (() => number) | undefined;
  /** Where circuit transitions are logged; nowhere when absent. */
  readonly log?: UpstreamLog | undefined;
}

/** One service's protection state, as `/metrics` and `/readyz` report it. */
export interface UpstreamGuardState {
  readonly service: ServiceName;
  readonly circuit: CircuitState;
  /** Calls refused by the open circuit since start. */
  readonly circuitRejections: number;
  /** Calls refused because their credential was asked to wait, since start. */
  readonly backoffRejections: number;
  /** Credentials waiting now. */
  readonly waitingCredentials: number;
  /** Retries sent since start. */
  readonly retries: number;
  /** The last remaining request budget the service reported, if it reports one. */
  readonly rateLimitRemaining: number | undefined;
}

/**
 * The process-wide HTTP clients, one per configured service, each with its
 * own keep-alive pool, circuit breaker and credential waits. Built once at
 * start; requests bind a credential to them through sessions.
 */
export class Upstreams {
  private readonly clients: Partial<Record<ServiceName, UpstreamHttp>> = {};
  private readonly breakers: Partial<Record<ServiceName, CircuitBreaker>> = {};
  private readonly backoffs: Partial<Record<ServiceName, CredentialBackoff>> = {};
  private readonly configuredServices: ReadonlySet<ServiceName>;
  private share: RedisBackoffShare | undefined;

  constructor(
    readonly config: Config,
    observer?: UpstreamObserver,
    overrides: Partial<Record<ServiceName, ServiceProtocol>> = {},
    options: UpstreamsOptions = {},
  ) {
    const { resilience } = config;
    const clock = options.clock ?? Date.now;
    const fingerprints = options.fingerprint ?? fingerprintsOf(new CredentialFingerprints(config.cacheKeySecret));
    const onTransition = (transition: CircuitTransition): void => logTransition(options.log, resilience.breaker, transition);
    const share = { publish: (service: ServiceName, fingerprint: string, ms: number) => this.share?.publish(service, fingerprint, ms) ?? Promise.resolve() };
    for (const service of serviceNames) {
      const serviceConfig = config.services[service];
      if (serviceConfig === undefined) continue;
      const breaker = resilience.breaker.enabled ? new CircuitBreaker(service, resilience.breaker, clock, onTransition) : undefined;
      const backoff = new CredentialBackoff(service, (token) => fingerprints(service, token), clock, share);
      if (breaker !== undefined) this.breakers[service] = breaker;
      this.backoffs[service] = backoff;
      this.clients[service] = new UpstreamHttp({
        config: serviceConfig,
        protocol: overrides[service] ?? protocols[service],
        timeoutMs: config.upstreamTimeoutMs,
        maxResponseBytes: config.upstreamMaxResponseBytes,
        observer,
        breaker,
        backoff,
        retry: resilience.retry,
        maxJsonDepth: resilience.maxJsonDepth,
      });
    }
    this.configuredServices = new Set(Object.keys(this.clients) as ServiceName[]);
  }

  /**
   * With `REDIS_URL` set, shares credential waits with the other replicas
   * (and reads theirs); Redis calls wait at most `CACHE_REDIS_TIMEOUT_MS`.
   */
  async shareBackoffs(): Promise<void> {
    const url = this.config.redisUrl;
    if (url === undefined || this.share !== undefined) return;
    this.share = new RedisBackoffShare(url, (service, fingerprint, ms) => this.backoffs[service]?.apply(fingerprint, ms), this.config.cache.redisTimeoutMs);
    await this.share.start();
  }

  /** The services that have a client. */
  get configured(): ReadonlySet<ServiceName> {
    return this.configuredServices;
  }

  /**
   * What the answers of this gateway depend on beside credentials: where each
   * service is, and the Concord organizations its project list reads.
   */
  scope(): string {
    return JSON.stringify([serviceNames.map((service) => this.clients[service]?.baseHref ?? null), this.config.concordOrgs]);
  }

  /** The client of a service, or undefined when the service is not configured. */
  get(service: ServiceName): UpstreamHttp | undefined {
    return this.clients[service];
  }

  /** Each configured service's circuit, waits, retries and reported budget. */
  guardStates(): UpstreamGuardState[] {
    return [...this.configuredServices].map((service) => {
      const breaker = this.breakers[service];
      const backoff = this.backoffs[service];
      const client = this.clients[service];
      return {
        service,
        circuit: breaker?.state ?? 'closed',
        circuitRejections: breaker?.rejections ?? 0,
        backoffRejections: backoff?.rejections ?? 0,
        waitingCredentials: backoff?.waiting ?? 0,
        retries: client?.retries ?? 0,
        rateLimitRemaining: client?.rateLimitRemaining,
      };
    });
  }

  /** Resolves once no upstream call is in flight, or after `withinMs` (a call's answer can still change a guard, a rate limit's wait say). */
  async settled(withinMs: number): Promise<void> {
    await Promise.all(Object.values(this.clients).map((client) => client.settled(withinMs)));
  }

  /** Closes every circuit and forgets every credential wait, here and in Redis (the test suite calls it between tests). */
  async resetGuards(): Promise<void> {
    for (const breaker of Object.values(this.breakers)) breaker.reset();
    for (const backoff of Object.values(this.backoffs)) backoff.clear();
    await this.share?.clear();
  }

  async close(): Promise<void> {
    this.share?.close();
    await Promise.all(Object.values(this.clients).map((client) => client.close()));
  }

  /** Closes every pool at once, failing calls still running. */
  async destroy(): Promise<void> {
    this.share?.close();
    await Promise.all(Object.values(this.clients).map((client) => client.destroy()));
  }
}

function fingerprintsOf(fingerprints: CredentialFingerprints): (service: ServiceName, token: string) => string {
  return (service, token) => fingerprints.of(service, token);
}

/** One log line per circuit transition: a warning when it opens, information when it probes or closes. */
function logTransition(log: UpstreamLog | undefined, settings: BreakerSettings, transition: CircuitTransition): void {
  const { windowMs, consecutiveFailures: consecutive } = settings;
  if (log === undefined) return;
  const { service, from, to } = transition;
  const label = serviceLabels[service];
  const fields = { service, circuit: to, from, ...(transition.failures === undefined ? {} : { failures: transition.failures, calls: transition.calls, inARow: transition.inARow }) };
  if (to === 'open') {
    const seconds = Math.ceil((transition.resetMs ?? 0) / 1000);
    const { failures = 0, calls = 0, inARow = 0 } = transition;
    const rate = `${failures} of ${calls} calls in the last ${Math.round(windowMs / 1000)} s failed`;
    const why = from === 'half-open' ? 'a probe call failed' : consecutive > 0 && inARow >= consecutive ? `${inARow} calls in a row failed (${rate})` : rate;
    log.warn(fields, `${label} circuit open: ${why}; its calls are refused for ${seconds} s`);
  } else if (to === 'half-open') {
    log.info(fields, `${label} circuit half-open: sending probe calls`);
  } else {
    log.info(fields, `${label} circuit closed: the probe calls succeeded`);
  }
}
