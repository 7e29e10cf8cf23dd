import { GatewayError } from '../../errors/GatewayError.js';
import { serviceLabels } from '../../config/ServiceName.js';
import { serviceSettings } from '../../config/config.js';
import type { UpstreamHttp } from './UpstreamHttp.js';
import type { QueryValue, UpstreamRequest, UpstreamResponse } from './types.js';
import type { ResponseCache } from '../../cache/ResponseCache.js';
import type { CacheTracker } from '../../cache/CacheTracker.js';
import type { CallBudget } from './CallBudget.js';

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

  private ready(): { http: UpstreamHttp; token: string } {
    const label = serviceLabels[this.service];
    if (this.http === undefined) {
      throw new GatewayError('SERVICE_NOT_CONFIGURED', `${label} is not configured on this gateway (set ${serviceSettings[this.service].url})`, {
        service: this.service,
      });
    }
    if (this.token === undefined) {
      const names = serviceSettings[this.service];
      throw new GatewayError('UNAUTHENTICATED', `No ${label} credential: send the ${names.header} header or set ${names.token}`, {
        service: this.service,
      });
    }
    return { http: this.http, token: this.token };
  }

  /** A GET, sent once per operation however often it is asked for. */
  get<T>(path: string, query?: Readonly<Record<string, QueryValue>>, route?: string): Promise<UpstreamResponse<T>> {
    const { http, token } = this.ready();
    const url = http.urlOf({ path, query });
    const key = url.href;
    let pending = this.memo.get(key);
    if (pending === undefined) {
      this.budget?.take(this.service);
      const call = { token, requestId: this.requestId };
      pending =
        this.cache === undefined
          ? http.send({ method: 'GET', path, query, route }, call, url)
          : this.cache.cache.get(http, { path, query, route }, call, this.cache.tracker);
      this.memo.set(key, pending);
    }
    return pending as Promise<UpstreamResponse<T>>;
  }

  /**
   * A write (or an uncached read); clears the per-operation GET memo. A write
   * then purges from the shared cache what it may have made stale, for every
   * credential, whether it succeeded or not (a failed write may still have
   * happened).
   */
  async send<T>(req: UpstreamRequest): Promise<UpstreamResponse<T>> {
    const { http, token } = this.ready();
    this.budget?.take(this.service);
    if (req.method === 'GET') return http.send<T>(req, { token, requestId: this.requestId });
    this.memo.clear();
    this.cache?.tracker.write();
    try {
      return await http.send<T>(req, { token, requestId: this.requestId });
    } finally {
      await this.cache?.cache.invalidate(this.service, req.method, req.path);
    }
  }
}
