import { Agent, type Dispatcher } from 'undici';
import type { ServiceConfig } from '../../config/config.js';
import { GatewayError } from '../../errors/GatewayError.js';
import { serviceLabels } from '../../config/ServiceName.js';
import { mapUpstreamError, retryAfterSeconds } from './mapUpstreamError.js';
import { spans } from '../../telemetry/spans.js';
import { formQuery } from '../../http/formEncoded.js';
import { BoundedMap } from '../../cache/BoundedMap.js';
import { BodyTooDeep, BodyTooLarge, DeadlinePassed, ResponseCollector, type CollectedResponse } from './ResponseCollector.js';
import { CircuitBreaker, type Admission } from './CircuitBreaker.js';
import type { CredentialBackoff } from './CredentialBackoff.js';
import type {
  QueryValue,
  ResponseHeaders,
  ServiceProtocol,
  UpstreamObserver,
  UpstreamRequest,
  UpstreamResponse,
} from './types.js';

/** What an upstream HTTP client is built from. */
export interface UpstreamHttpOptions {
  readonly config: ServiceConfig;
  readonly protocol: ServiceProtocol;
  readonly timeoutMs: number;
  /** The largest answer body read; a longer one fails the call. */
  readonly maxResponseBytes: number;
  readonly observer?: UpstreamObserver | undefined;
  /** The service's circuit breaker; every call goes when absent. */
  readonly breaker?: CircuitBreaker | undefined;
  /** The waits the service asked of credentials; none kept when absent. */
  readonly backoff?: CredentialBackoff | undefined;
  /** Retry an idempotent GET once after a connection reset, 502 or 503 (false when absent). */
  readonly retry?: boolean | undefined;
  /** Deepest nesting of arrays and objects read from a JSON answer; 64 when absent. */
  readonly maxJsonDepth?: number | undefined;
}

/** Per-call details that are not part of the request itself. */
export interface CallContext {
  readonly token: string;
  readonly requestId?: string | undefined;
  /**
   * The headers of a call with no headers or body of its own, as undici takes
   * them (name, value, …): made once by {@link UpstreamHttp.prepare} for all
   * of an operation's calls with this credential; built per call when absent.
   */
  readonly headers?: readonly string[] | undefined;
}

/** The query string of a request (without `?`), encoded as URLs encode their search parameters (see formQuery). */
function queryString(query: Readonly<Record<string, QueryValue>> | undefined): string {
  return query === undefined ? '' : formQuery(query, Object.keys(query));
}

/** Where one request goes: its absolute URL, and the path and query sent on the connection. */
export interface UpstreamUrl {
  readonly href: string;
  /** Path and query, as on the request line. */
  readonly target: string;
}

/** Undici's own timeouts: no answer headers, no body data or no connection within the bound. */
const timeoutCodes: ReadonlySet<string> = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** Errors of a connection the service reset or closed under a request: worth one more try for a GET. */
const resetCodes: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a transport error is one of the call's time bounds: the whole deadline, or undici's own. */
function isTimeout(error: unknown): boolean {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return error instanceof DeadlinePassed || (typeof code === 'string' && timeoutCodes.has(code));
}

// Paths already checked to stay below the base path: a gateway reads the same resources again and again.
const checkedPathLimit = 10_000;

/**
 * The process-wide HTTP client of one upstream service: a keep-alive
 * connection pool, a timeout on every call, the service's auth and default
 * headers, JSON decoding and error mapping. Holds no credential of its own:
 * each call says which one to use.
 */
export class UpstreamHttp {
  readonly protocol: ServiceProtocol;
  /** The base URL as text, without a trailing slash. */
  readonly baseHref: string;
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly observer: UpstreamObserver | undefined;
  private readonly basePath: string;
  private readonly origin: string;
  private readonly checkedPaths = new BoundedMap<string, boolean>(checkedPathLimit);
  private readonly breaker: CircuitBreaker | undefined;
  private readonly backoff: CredentialBackoff | undefined;
  private readonly retry: boolean;
  private readonly maxJsonDepth: number;
  /** Calls sent and not yet settled, and who waits for there to be none (see settled). */
  private inFlight = 0;
  private readonly idleWaiters: (() => void)[] = [];
  /** Retries sent since start. */
  retries = 0;
  /** The last remaining request budget the service reported (`x-ratelimit-remaining`, `RateLimit-Remaining`), any credential. */
  rateLimitRemaining: number | undefined;

  constructor(options: UpstreamHttpOptions) {
    this.protocol = options.protocol;
    const baseUrl = new URL(options.config.url);
    this.origin = baseUrl.origin;
    this.basePath = baseUrl.pathname.replace(/\/+$/, '');
    this.baseHref = baseUrl.href.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs;
    this.maxResponseBytes = options.maxResponseBytes;
    this.observer = options.observer;
    this.breaker = options.breaker;
    this.backoff = options.backoff;
    this.retry = options.retry ?? false;
    this.maxJsonDepth = options.maxJsonDepth ?? 64;
    // Timeouts are the pool's own (no timer and abort signal made per call): headers, each pause in a body,
    // and connecting; bodyText adds the call's whole deadline.
    this.agent = new Agent({
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 600_000,
      connections: 128,
      pipelining: 1,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      connect: { timeout: this.timeoutMs },
    });
  }

  /**
   * The absolute URL of a request, as sent. Asserts that it is the path
   * asked for, below the base path: a path that URL parsing would resolve
   * elsewhere (dot segments, a backslash), or with an empty segment, is
   * refused before any call.
   */
  urlOf(req: Pick<UpstreamRequest, 'path' | 'query'>): UpstreamUrl {
    const expected = this.basePath + req.path;
    if (!this.staysBelowBase(req.path, expected)) {
      throw new GatewayError('BAD_USER_INPUT', `The request names a path outside the ${serviceLabels[this.protocol.service]} API`, { service: this.protocol.service });
    }
    const search = queryString(req.query);
    const target = search === '' ? expected : `${expected}?${search}`;
    return { href: this.origin + target, target };
  }

  /** Whether URL parsing keeps the path exactly as built, below the base path; remembered per path. */
  private staysBelowBase(path: string, expected: string): boolean {
    const known = this.checkedPaths.get(path);
    if (known !== undefined) return known;
    let url: URL | undefined;
    if (path.startsWith('/') && !path.includes('//')) {
      try {
        url = new URL(this.origin + expected);
      } catch {
        url = undefined;
      }
    }
    const stays = url !== undefined && url.pathname === expected && url.origin === this.origin && url.search === '' && url.hash === '';
    this.checkedPaths.set(path, stays);
    return stays;
  }

  /**
   * Sends one request; a non-2xx answer or a transport failure becomes a {@link GatewayError}.
   * `url` is the request's {@link urlOf}, when the caller has it already.
   *
   * Before anything is sent: a credential the service asked to wait gets
   * RATE_LIMITED, and a call while the service's circuit is open gets
   * UPSTREAM_UNAVAILABLE, both at once. Each attempt's outcome counts in the
   * circuit (timeouts, unreachable and 5xx fail; a rate limit is no outcome,
   * and makes the credential wait as long as the answer's `Retry-After` or
   * rate-limit reset says); a GET that meets a connection reset, 502
   * or 503 is sent once more after a short random pause, when its circuit
   * lets it, its deadline leaves room and no `Retry-After` asks for longer.
   */
  send<T>(req: UpstreamRequest, call: CallContext, url?: UpstreamUrl): Promise<UpstreamResponse<T>> {
    let sent: Promise<UpstreamResponse<T>>;
    try {
      sent = this.attempts<T>(req, call, url ?? this.urlOf(req));
    } catch (error) {
      return Promise.reject(error);
    }
    this.inFlight++;
    sent.then(this.callEnded, this.callEnded);
    return sent;
  }

  /** Resolves once no call of this client is in flight (at once when none is), or after `withinMs`. */
  settled(withinMs: number): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, withinMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private readonly callEnded = (): void => {
    if (--this.inFlight === 0 && this.idleWaiters.length > 0) for (const wake of this.idleWaiters.splice(0)) wake();
  };

  /** {@link send}'s attempts: the first, and the one retry a GET may get. */
  private async attempts<T>(req: UpstreamRequest, call: CallContext, url: UpstreamUrl): Promise<UpstreamResponse<T>> {
    const wait = this.backoff?.waitSeconds(call.token) ?? 0;
    if (wait > 0) throw this.backingOff(wait);
    let admission = this.admit();
    let headers: Record<string, string> | readonly string[];
    let body: string | null = null;
    if (req.body === undefined && req.headers === undefined && call.headers !== undefined) {
      headers = call.headers;
    } else {
      const built = this.headersOf(call, req.headers);
      if (req.body !== undefined) {
        body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
        built['content-type'] = req.contentType ?? 'application/json';
      }
      headers = built;
    }
    const route = req.route ?? req.path;
    const service = this.protocol.service;
    const deadline = performance.now() + this.timeoutMs;
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      let answer: CollectedResponse;
      try {
        // A retry waits for headers no longer than what is left of the call's time (the pool's own bound is the whole of it).
        answer = await this.dispatch(
          { origin: this.origin, path: url.target, method: req.method, headers: headers as string[] | Record<string, string>, body },
          deadline,
          attempt > 0 ? Math.max(1, Math.round(deadline - started)) : undefined,
        );
      } catch (error) {
        const timedOut = isTimeout(error);
        this.observer?.onCall({ service, method: req.method, route, status: timedOut ? 'timeout' : 'network', durationMs: performance.now() - started, requestId: call.requestId });
        // An answer larger or deeper than the gateway reads still came from a service that is up.
        const answered = error instanceof BodyTooLarge || error instanceof BodyTooDeep;
        this.breaker?.record(admission, !answered);
        const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
        const reset = attempt === 0 && req.method === 'GET' && typeof code === 'string' && resetCodes.has(code);
        const retry = reset ? await this.retryAdmission(deadline, undefined) : undefined;
        if (retry === undefined) throw this.transportFailure(error, timedOut);
        admission = retry;
        continue;
      }
      const { status, headers: responseHeaders, text } = answer;
      this.observer?.onCall({ service, method: req.method, route, status, durationMs: performance.now() - started, requestId: call.requestId });
      const reported = responseHeaders['x-ratelimit-remaining'] ?? responseHeaders['ratelimit-remaining'];
      if (reported !== undefined) {
        const remaining = Number(reported);
        if (remaining >= 0) this.rateLimitRemaining = remaining;
      }
      const decoded = decodeBody(text, responseHeaders['content-type']);
      if (status >= 200 && status < 300) {
        this.breaker?.record(admission, false);
        return spans.enabled ? { status, headers: responseHeaders, body: decoded as T, bytes: Buffer.byteLength(text) } : { status, headers: responseHeaders, body: decoded as T };
      }
      const error = mapUpstreamError(this.protocol, status, decoded, responseHeaders);
      if (error.code === 'RATE_LIMITED') {
        // Not a failure of the service: a wait it asked of this credential (Retry-After, or when its budget resets),
        // kept for the credential's later calls. A rate limit that says neither is reported, not enforced.
        this.breaker?.release(admission);
        const asked = retryAfterSeconds(responseHeaders);
        if (asked !== undefined) await this.backoff?.hold(call.token, asked);
        throw error;
      }
      this.breaker?.record(admission, status >= 500);
      const retry = attempt === 0 && req.method === 'GET' && (status === 502 || status === 503) ? await this.retryAdmission(deadline, responseHeaders) : undefined;
      if (retry === undefined) throw error;
      admission = retry;
    }
  }

  /**
   * `call` with the headers of its calls that carry no headers or body of
   * their own made once: an operation's session prepares its credential's
   * call once and sends all its GETs with it.
   */
  prepare(call: CallContext): CallContext {
    const headers = this.headersOf(call, undefined);
    const list: string[] = [];
    for (const name of Object.keys(headers)) list.push(name, headers[name] as string);
    return { token: call.token, requestId: call.requestId, headers: list };
  }

  /** The headers of one call: the gateway's, the service's defaults, the request's own, the credential's and the request id. */
  private headersOf(call: CallContext, own: Readonly<Record<string, string>> | undefined): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': 'switchyard-gateway',
      ...this.protocol.defaultHeaders,
      ...own,
      ...this.protocol.authHeaders(call.token),
    };
    if (call.requestId !== undefined) headers['x-request-id'] = call.requestId;
    return headers;
  }

  /**
   * One exchange straight on the pool (undici's top-level request() would
   * parse the URL again, and its API makes a stream, an event emitter and an
   * async resource per call): the answer read whole by a {@link ResponseCollector}.
   */
  private dispatch(options: Dispatcher.DispatchOptions, deadline: number, headersTimeout: number | undefined): Promise<CollectedResponse> {
    if (headersTimeout !== undefined) options.headersTimeout = options.bodyTimeout = headersTimeout;
    return new Promise((resolve, reject) => {
      this.agent.dispatch(options, new ResponseCollector(deadline, this.maxResponseBytes, this.maxJsonDepth, resolve, reject));
    });
  }

  /** The breaker's admission of a call; throws UPSTREAM_UNAVAILABLE when the circuit refuses it. */
  private admit(): Admission {
    const breaker = this.breaker;
    if (breaker === undefined) return CircuitBreaker.call;
    const admission = breaker.admit();
    if (admission !== CircuitBreaker.refused) return admission;
    const retryAfter = breaker.retryAfterSeconds();
    const label = serviceLabels[this.protocol.service];
    throw new GatewayError('UPSTREAM_UNAVAILABLE', `${label} is failing: the gateway sends it no calls for ${retryAfter} s (circuit open)`, {
      service: this.protocol.service,
      retryAfter,
      extensions: { reason: 'CIRCUIT_OPEN' },
    });
  }

  /** A credential the service asked to wait: RATE_LIMITED for the seconds left. */
  private backingOff(retryAfter: number): GatewayError {
    const label = serviceLabels[this.protocol.service];
    return new GatewayError('RATE_LIMITED', `${label} rate-limited this credential: no calls with it for ${retryAfter} s`, { service: this.protocol.service, retryAfter });
  }

  /**
   * Whether a GET that failed may be sent once more, and its admission:
   * only with retries on, its circuit closed, after a pause of 50–150 ms (or
   * the answer's `Retry-After`, if longer) that leaves at least 100 ms of the
   * call's time. Undefined when it may not.
   */
  private async retryAdmission(deadline: number, headers: ResponseHeaders | undefined): Promise<Admission | undefined> {
    if (!this.retry || (this.breaker !== undefined && this.breaker.state !== 'closed')) return undefined;
    const asked = headers?.['retry-after'] === undefined ? undefined : retryAfterSeconds(headers);
    const pause = Math.max((asked ?? 0) * 1000, 50 + Math.random() * 100);
    if (performance.now() + pause + 100 > deadline) return undefined;
    await sleep(pause);
    const admission = this.breaker?.admit() ?? CircuitBreaker.call;
    if (admission === CircuitBreaker.refused) return undefined;
    this.retries++;
    return admission;
  }

  /** The gateway's error for a call that got no usable answer. */
  private transportFailure(error: unknown, timedOut: boolean): GatewayError {
    const service = this.protocol.service;
    const label = serviceLabels[service];
    if (error instanceof BodyTooLarge) return new GatewayError('UPSTREAM_ERROR', `${label} answered more than ${this.maxResponseBytes} bytes`, { service });
    if (error instanceof BodyTooDeep) return new GatewayError('UPSTREAM_ERROR', `${label} answered JSON nested more than ${this.maxJsonDepth} levels deep`, { service });
    return timedOut
      ? new GatewayError('UPSTREAM_TIMEOUT', `${label} did not answer within ${this.timeoutMs} ms`, { service })
      : new GatewayError('UPSTREAM_ERROR', `${label} could not be reached`, { service, cause: error });
  }

  /** Closes the connection pool. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  /** Closes the connection pool at once, failing calls still running. */
  async destroy(): Promise<void> {
    await this.agent.destroy();
  }
}

/** JSON when it parses as JSON, whatever the content type says; otherwise the text. */
export function decodeBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return null;
  const looksJson = contentType?.includes('json') === true || /^\s*[[{"]/.test(text);
  if (looksJson) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
