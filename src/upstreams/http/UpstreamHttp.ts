import { Agent } from 'undici';
import type { ServiceConfig } from '../../config/config.js';
import { GatewayError } from '../../errors/GatewayError.js';
import { serviceLabels } from '../../config/ServiceName.js';
import { mapUpstreamError } from './mapUpstreamError.js';
import { spans } from '../../telemetry/spans.js';
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
  readonly observer?: UpstreamObserver | undefined;
}

/** Per-call details that are not part of the request itself. */
export interface CallContext {
  readonly token: string;
  readonly requestId?: string | undefined;
}

function appendQuery(url: URL, query: Readonly<Record<string, QueryValue>> | undefined): void {
  if (query === undefined) return;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) url.searchParams.append(key, String(item));
    } else {
      url.searchParams.append(key, String(value));
    }
  }
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): ResponseHeaders {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * The process-wide HTTP client of one upstream service: a keep-alive
 * connection pool, a timeout on every call, the service's auth and default
 * headers, JSON decoding and error mapping. Holds no credential of its own:
 * each call says which one to use.
 */
export class UpstreamHttp {
  readonly protocol: ServiceProtocol;
  readonly baseUrl: URL;
  /** The base URL as text, without a trailing slash. */
  readonly baseHref: string;
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly observer: UpstreamObserver | undefined;
  private readonly basePath: string;

  constructor(options: UpstreamHttpOptions) {
    this.protocol = options.protocol;
    this.baseUrl = new URL(options.config.url);
    this.basePath = this.baseUrl.pathname.replace(/\/+$/, '');
    this.baseHref = this.baseUrl.href.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs;
    this.observer = options.observer;
    this.agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connections: 128, pipelining: 1 });
  }

  /**
   * The absolute URL of a request, as sent. Asserts that it is the path
   * asked for, below the base path: a path that URL parsing would resolve
   * elsewhere (dot segments, a backslash), or with an empty segment, is
   * refused before any call.
   */
  urlOf(req: Pick<UpstreamRequest, 'path' | 'query'>): URL {
    const expected = this.basePath + req.path;
    let url: URL | undefined;
    if (req.path.startsWith('/') && !req.path.includes('//')) {
      try {
        url = new URL(this.baseUrl.origin + expected);
      } catch {
        url = undefined;
      }
    }
    if (url === undefined || url.pathname !== expected || url.origin !== this.baseUrl.origin || url.search !== '' || url.hash !== '') {
      throw new GatewayError('BAD_USER_INPUT', `The request names a path outside the ${serviceLabels[this.protocol.service]} API`, { service: this.protocol.service });
    }
    appendQuery(url, req.query);
    return url;
  }

  /**
   * Sends one request; a non-2xx answer or a transport failure becomes a {@link GatewayError}.
   * `url` is the request's {@link urlOf}, when the caller has it already.
   */
  async send<T>(req: UpstreamRequest, call: CallContext, url: URL = this.urlOf(req)): Promise<UpstreamResponse<T>> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': 'switchyard-gateway',
      ...this.protocol.defaultHeaders,
      ...req.headers,
      ...this.protocol.authHeaders(call.token),
    };
    if (call.requestId !== undefined) headers['x-request-id'] = call.requestId;
    let body: string | null = null;
    if (req.body !== undefined) {
      body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
      headers['content-type'] = req.contentType ?? 'application/json';
    }
    const started = performance.now();
    const route = req.route ?? req.path;
    const service = this.protocol.service;
    let status: number;
    let responseHeaders: ResponseHeaders;
    let text: string;
    try {
      // Straight to the pool: undici's top-level request() would parse the URL again.
      const response = await this.agent.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: req.method,
        headers,
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.statusCode;
      responseHeaders = flattenHeaders(response.headers);
      text = await response.body.text();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      this.observer?.onCall({
        service,
        method: req.method,
        route,
        status: timedOut ? 'timeout' : 'network',
        durationMs: performance.now() - started,
        requestId: call.requestId,
      });
      const label = serviceLabels[service];
      throw timedOut
        ? new GatewayError('UPSTREAM_TIMEOUT', `${label} did not answer within ${this.timeoutMs} ms`, { service })
        : new GatewayError('UPSTREAM_ERROR', `${label} could not be reached`, { service, cause: error });
    }
    this.observer?.onCall({
      service,
      method: req.method,
      route,
      status,
      durationMs: performance.now() - started,
      requestId: call.requestId,
    });
    const decoded = decodeBody(text, responseHeaders['content-type']);
    if (status < 200 || status >= 300) {
      throw mapUpstreamError(this.protocol, status, decoded, responseHeaders);
    }
    const answer = { status, headers: responseHeaders, body: decoded as T };
    return spans.enabled ? { ...answer, bytes: Buffer.byteLength(text) } : answer;
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
