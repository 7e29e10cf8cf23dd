import { Agent } from 'undici';
import type { Readable } from 'node:stream';
import type { ServiceConfig } from '../../config/config.js';
import { GatewayError } from '../../errors/GatewayError.js';
import { serviceLabels } from '../../config/ServiceName.js';
import { mapUpstreamError } from './mapUpstreamError.js';
import { spans } from '../../telemetry/spans.js';
import { BoundedMap } from '../../cache/BoundedMap.js';
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
}

/** Per-call details that are not part of the request itself. */
export interface CallContext {
  readonly token: string;
  readonly requestId?: string | undefined;
}

/** The query string of a request (without `?`), encoded as URLs encode their search parameters. */
function queryString(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) params.append(key, String(item));
    } else {
      params.append(key, String(value));
    }
  }
  return params.toString();
}

/** Where one request goes: its absolute URL, and the path and query sent on the connection. */
export interface UpstreamUrl {
  readonly href: string;
  /** Path and query, as on the request line. */
  readonly target: string;
}

/** Undici's own timeouts: no answer headers, no body data or no connection within the bound. */
const timeoutCodes: ReadonlySet<string> = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** A body still arriving when its call's time was up. */
class DeadlinePassed extends Error {}

/** A body larger than the client reads. */
class BodyTooLarge extends Error {}

/**
 * The body as text, read until `deadline` (a `performance.now()` time) and
 * at most `maxBytes`: undici's body timeout bounds each pause, not the whole,
 * so a body that trickles is cut off here, at its first chunk past the deadline.
 */
function bodyText(body: Readable, deadline: number, maxBytes: number): Promise<string> {
  // Events, not `for await`: an async iterator costs a promise per chunk on every upstream call.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) reject(stop(body, new BodyTooLarge()));
      else if (performance.now() > deadline) reject(stop(body, new DeadlinePassed()));
      else chunks.push(chunk);
    });
    body.once('error', reject);
    body.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks, size).toString('utf8')));
  });
}

function stop(body: { destroy(error?: Error): unknown }, error: Error): Error {
  body.destroy(error);
  return error;
}

// Paths already checked to stay below the base path: a gateway reads the same resources again and again.
const checkedPathLimit = 10_000;

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
  /** The base URL as text, without a trailing slash. */
  readonly baseHref: string;
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly observer: UpstreamObserver | undefined;
  private readonly basePath: string;
  private readonly origin: string;
  private readonly checkedPaths = new BoundedMap<string, boolean>(checkedPathLimit);

  constructor(options: UpstreamHttpOptions) {
    this.protocol = options.protocol;
    const baseUrl = new URL(options.config.url);
    this.origin = baseUrl.origin;
    this.basePath = baseUrl.pathname.replace(/\/+$/, '');
    this.baseHref = baseUrl.href.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs;
    this.maxResponseBytes = options.maxResponseBytes;
    this.observer = options.observer;
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
   */
  async send<T>(req: UpstreamRequest, call: CallContext, url: UpstreamUrl = this.urlOf(req)): Promise<UpstreamResponse<T>> {
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
      const response = await this.agent.request({ origin: this.origin, path: url.target, method: req.method, headers, body });
      status = response.statusCode;
      responseHeaders = flattenHeaders(response.headers);
      text = await bodyText(response.body, started + this.timeoutMs, this.maxResponseBytes);
    } catch (error) {
      const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
      const timedOut = error instanceof DeadlinePassed || (typeof code === 'string' && timeoutCodes.has(code));
      this.observer?.onCall({
        service,
        method: req.method,
        route,
        status: timedOut ? 'timeout' : 'network',
        durationMs: performance.now() - started,
        requestId: call.requestId,
      });
      const label = serviceLabels[service];
      if (error instanceof BodyTooLarge) throw new GatewayError('UPSTREAM_ERROR', `${label} answered more than ${this.maxResponseBytes} bytes`, { service });
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
