import type { Redis } from 'ioredis';
import { connectRedis } from '../cache/connectRedis.js';
import type { ServiceName } from '../config/ServiceName.js';
import type { CircuitState } from '../upstreams/http/CircuitBreaker.js';

/** The answer of `/readyz`. */
export interface Readiness {
  readonly ready: boolean;
  /** Why the gateway is not ready; empty when it is. */
  readonly reasons: readonly string[];
  /**
   * What the gateway serves without while still ready (Redis down: the cache is
   * bypassed, persisted queries and pub/sub are local); absent when nothing.
   */
  readonly degraded?: readonly string[];
}

/** The state `/readyz` and `/metrics` report. */
export type ReadinessState = 'ready' | 'degraded' | 'not ready';

/** The state of a readiness result. */
export function readinessState(readiness: Readiness): ReadinessState {
  if (!readiness.ready) return 'not ready';
  return (readiness.degraded?.length ?? 0) > 0 ? 'degraded' : 'ready';
}

/**
 * The HTTP answer of `/readyz`: 200 while ready, degraded or not (a load
 * balancer keeps sending work to a replica that can serve it), 503 when not
 * ready (shutting down), with the state and its reasons, and the services
 * whose circuit is not closed (`openCircuits`, only when there are any).
 */
export function readinessAnswer(
  readiness: Readiness,
  circuits: readonly { readonly service: ServiceName; readonly circuit: CircuitState }[] = [],
): { status: number; body: { status: ReadinessState; reasons: readonly string[]; openCircuits?: readonly { service: ServiceName; state: CircuitState }[] } } {
  // A service whose circuit is open costs its own fields only: listed, but the replica stays ready.
  const open = circuits.filter((entry) => entry.circuit !== 'closed').map((entry) => ({ service: entry.service, state: entry.circuit }));
  return {
    status: readiness.ready ? 200 : 503,
    body: { status: readinessState(readiness), reasons: [...readiness.reasons, ...(readiness.degraded ?? [])], ...(open.length > 0 ? { openCircuits: open } : {}) },
  };
}

const pingTimeoutMs = 1_000;

/**
 * Readiness: the settings were valid (the gateway would not have started
 * otherwise) and the gateway is not shutting down. Redis is optional at run
 * time (every query works without it), so a Redis that does not answer PING
 * makes the gateway degraded, not unready.
 */
export class ReadinessCheck {
  private redis: Redis | undefined;
  private draining = false;

  constructor(private readonly redisUrl: string | undefined) {}

  /** From now on the gateway reports not ready, so load balancers stop sending it work. */
  markDraining(): void {
    this.draining = true;
  }

  async check(): Promise<Readiness> {
    const reasons: string[] = [];
    const degraded: string[] = [];
    if (this.draining) reasons.push('shutting down');
    if (this.redisUrl !== undefined) {
      const problem = await this.pingRedis(this.redisUrl);
      if (problem !== undefined) degraded.push(`redis: ${problem}`);
    }
    return { ready: reasons.length === 0, reasons, ...(degraded.length > 0 ? { degraded } : {}) };
  }

  /** Closes the connection used for PING. */
  async close(): Promise<void> {
    const redis = this.redis;
    this.redis = undefined;
    redis?.disconnect();
  }

  private async pingRedis(url: string): Promise<string | undefined> {
    this.redis ??= this.connect(url);
    const redis = this.redis;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`no answer to PING within ${pingTimeoutMs} ms`), pingTimeoutMs);
    });
    try {
      const answer = await Promise.race([
        redis.ping().then(
          (reply) => (reply === 'PONG' ? undefined : `unexpected answer to PING: ${reply}`),
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        ),
        timeout,
      ]);
      return answer;
    } finally {
      clearTimeout(timer);
    }
  }

  private connect(url: string): Redis {
    const redis = connectRedis(url, {
      lazyConnect: false,
      connectTimeout: pingTimeoutMs,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    // Connection errors are reported by the next PING; without a listener they would crash the process.
    redis.on('error', () => undefined);
    return redis;
  }
}
