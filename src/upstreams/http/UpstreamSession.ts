import { GatewayError } from '../../errors/GatewayError.js';
import { serviceLabels } from '../../config/ServiceName.js';
import { serviceSettings } from '../../config/config.js';
import type { CallContext, UpstreamHttp } from './UpstreamHttp.js';
import type { QueryValue, UpstreamRequest, UpstreamResponse } from './types.js';
import type { ReadTracker, ResponseCache } from '../../cache/ResponseCache.js';
import type { CacheTracker } from '../../cache/CacheTracker.js';
import type { CallBudget } from './CallBudget.js';
import type { ReadClass } from '../../cache/CachePolicy.js';
import type { PurgeTarget } from '../../cache/rules.js';
import { traceUpstreamCall, type UpstreamCallTrace } from './traceUpstreamCall.js';

/** A GET of an operation, its path built and checked. */
export interface SessionRead {
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>> | undefined;
  /** The operation's path template, for metrics and logs. */
  readonly route: string;
  /** How the answer is cached. */
  readonly read?: ReadClass | undefined;
  /** Null when a 2xx body has the promised shape, else what is wrong with it. */
  readonly check?: ((body: unknown) => string | null) | undefined;
}

/** A write of an operation, its path built and checked. */
export interface SessionWrite extends UpstreamRequest {
  /** What it makes stale beyond what its path says. */
  readonly purges?: readonly PurgeTarget[] | undefined;
  /** Null when a 2xx body has the promised shape, else what is wrong with it. */
  readonly check?: ((body: unknown) => string | null) | undefined;
}

/** The shared response cache, and what this operation read through it. */
export interface SessionCache {
  readonly cache: ResponseCache;
  readonly tracker: CacheTracker;
}

/**
 * One GraphQL operation's view of one upstream: the credential that applies
 * to this request, a memo so that identical GETs within the operation are
 * sent once, and the operation's call budget, which each call sent counts against.
 */
export class UpstreamSession {
  private readonly memo = new Map<string, Promise<UpstreamResponse>>();

  constructor(
    readonly http: UpstreamHttp | undefined,
    private readonly token: string | undefined,
    private readonly requestId: string | undefined,
    readonly service: UpstreamHttp['protocol']['service'],
    private readonly cache?: SessionCache | undefined,
    private readonly budget?: CallBudget | undefined,
  ) {}

  /** The credential's call details, headers made once for all of this operation's calls (see UpstreamHttp.prepare). */
  private call: CallContext | undefined;

  /** This operation's call details (the client is then `http`); throws when the service is not configured or has no credential. */
  private ready(): CallContext {
    const { http, token } = this;
    const label = serviceLabels[this.service];
    if (http === undefined) {
      throw new GatewayError('SERVICE_NOT_CONFIGURED', `${label} is not configured on this gateway (set ${serviceSettings[this.service].url})`, {
        service: this.service,
      });
    }
    if (token === undefined) {
      const names = serviceSettings[this.service];
      throw new GatewayError('UNAUTHENTICATED', `No ${label} credential: send the ${names.header} header or set ${names.token}`, {
        service: this.service,
      });
    }
    return (this.call ??= http.prepare({ token, requestId: this.requestId }));
  }

  /**
   * An operation's GET, sent once per GraphQL operation however often it is
   * asked for, through the response cache; a 2xx body of another shape than
   * promised is an UPSTREAM_ERROR, and is never cached.
   */
  read<T>(request: SessionRead): Promise<UpstreamResponse<T>> {
    // Set only once ready() has found the client and the credential.
    const call = this.call ?? this.ready();
    const http = this.http as UpstreamHttp;
    const url = http.urlOf(request);
    const key = url.href;
    let pending = this.memo.get(key);
    if (pending === undefined) {
      this.budget?.take(this.service);
      const fetch = async (): Promise<UpstreamResponse> => this.checked(await http.send({ method: 'GET', path: request.path, query: request.query, route: request.route }, call, url), request.check);
      const { cache } = this;
      pending = traceUpstreamCall(this.service, 'GET', request.route, (trace) =>
        cache === undefined
          ? fetch()
          : cache.cache.get(
              { service: this.service, baseUrl: http.baseHref, token: call.token, path: request.path, query: request.query, read: request.read },
              fetch,
              trace === undefined ? cache.tracker : watched(cache.tracker, trace),
            ),
      );
      this.memo.set(key, pending);
    }
    return pending as Promise<UpstreamResponse<T>>;
  }

  /**
   * An operation's write: clears the per-operation GET memo, then purges
   * from the shared cache what it may have made stale (what its path says
   * and its `purges`), for every credential, whether it succeeded or not.
   */
  async write<T>(request: SessionWrite): Promise<UpstreamResponse<T>> {
    const call = this.ready();
    const http = this.http as UpstreamHttp;
    this.budget?.take(this.service);
    this.memo.clear();
    this.cache?.tracker.write();
    try {
      return await traceUpstreamCall(this.service, request.method, request.route ?? request.path, async () =>
        this.checked(await http.send<T>(request, call), request.check),
      );
    } finally {
      await this.cache?.cache.invalidate(this.service, request.method, request.path, request.purges ?? []);
    }
  }

  private checked<R extends UpstreamResponse>(response: R, check: ((body: unknown) => string | null) | undefined): R {
    const problem = check?.(response.body) ?? null;
    if (problem === null) return response;
    throw new GatewayError('UPSTREAM_ERROR', `Unexpected response from ${serviceLabels[this.service]}`, {
      service: this.service,
      status: response.status,
      cause: new Error(problem),
    });
  }
}

/** The operation's cache tracker, also telling a traced call where its answer came from. */
function watched(tracker: CacheTracker, trace: UpstreamCallTrace): ReadTracker {
  return {
    use(entry, cacheable, tags) {
      trace.source = entry.source;
      tracker.use(entry, cacheable, tags);
    },
    servedStale(service, ageSeconds) {
      tracker.servedStale(service, ageSeconds);
    },
  };
}
