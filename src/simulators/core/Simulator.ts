import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router, type SimRequest, type SimResponse } from './Router.js';

/** A request as the simulator logged it, served at `GET /__sim/requests`. */
export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly at: string;
  /** The W3C `traceparent` header the request carried, if any. */
  readonly traceparent?: string;
}

/** An injected fault: latency and/or a forced answer on matching requests. */
export interface Fault {
  /** Method to match; any when absent. */
  readonly method?: string;
  /** Regular expression matched against the full path. */
  readonly path: string;
  readonly latencyMs?: number;
  readonly status?: number;
  readonly body?: unknown;
  /**
   * A raw body sent as it is, in parts each repeated `repeat` times (JSON
   * nested too deep to build as `body`, say), as `application/json` unless
   * `headers` say otherwise.
   */
  readonly raw?: readonly { readonly text: string; readonly repeat?: number }[];
  /** Reset the connection instead of answering (after `latencyMs`). */
  readonly reset?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
  /** How many requests it applies to; every one when absent. */
  readonly times?: number;
}

/** Thrown by handlers for an error answer in the service's own error format. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

/** How a simulator serves one service: name, base path, routes, and the service's own auth and error answers. */
export interface SimulatorOptions {
  /** Short name for logs, e.g. `circleci`. */
  readonly name: string;
  /** Path prefix the service's API lives under, e.g. `/api/v2`. */
  readonly basePath: string;
  readonly router: Router;
  /** Returns an error response when the request is not authenticated, else null. */
  authenticate(req: SimRequest): SimResponse | null;
  /** The service's error body for a status and message. */
  errorResponse(status: number, message: string, extra?: Readonly<Record<string, unknown>>): SimResponse;
  /** The service's answer when a credential's request quota is spent. */
  rateLimited(retryAfterSeconds: number, limit: number): SimResponse;
  /** Which credential a request used, for per-credential quotas. */
  credentialOf(req: SimRequest): string;
  /**
   * The service's own controls under `/__sim/` (paths without that prefix):
   * moving runs through their states, as the service's runners would.
   * Unauthenticated, unlogged, and never part of the service's API.
   */
  readonly controls?: Router | undefined;
}

interface Quota {
  readonly limit: number;
  readonly windowMs: number;
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType?.includes('json') === true) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The HTTP core every service simulator shares: routing under a base path,
 * auth, a request log, injectable latency and failures, and per-credential
 * rate limits, all controllable over `/__sim/*`.
 */
export class Simulator {
  readonly name: string;
  private readonly options: SimulatorOptions;
  private readonly log: LoggedRequest[] = [];
  private faults: (Fault & { remaining: number; regex: RegExp })[] = [];
  private quota: Quota | null = null;
  private readonly usage = new Map<string, { count: number; resetAt: number }>();
  private server: Server | null = null;

  constructor(options: SimulatorOptions) {
    this.name = options.name;
    this.options = options;
  }

  /** Requests received so far (excluding `/__sim/*`). */
  requests(): readonly LoggedRequest[] {
    return this.log;
  }

  clearRequests(): void {
    this.log.length = 0;
  }

  addFault(fault: Fault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY, regex: new RegExp(fault.path) });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Limits each credential to `limit` requests per window; null lifts the limit. */
  setQuota(quota: Quota | null): void {
    this.quota = quota;
    this.usage.clear();
  }

  /** Starts listening; resolves with the service's base URL. */
  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${hostname}:${address.port}${this.options.basePath}`;
  }

  /** The origin the simulator listens on (no base path). */
  get origin(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error(`${this.name} simulator is not listening`);
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server === null) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/__sim/')) {
      this.send(res, await this.control(req, url, raw));
      return;
    }
    const method = req.method ?? 'GET';
    const { traceparent } = req.headers;
    this.log.push({ method, path: url.pathname, query: queryObject(url.searchParams), at: new Date().toISOString(), ...(typeof traceparent === 'string' ? { traceparent } : {}) });

    const fault = this.faults.find((f) => (f.method === undefined || f.method === method) && f.regex.test(url.pathname) && f.remaining > 0);
    if (fault) {
      fault.remaining--;
      if (fault.latencyMs !== undefined) await sleep(fault.latencyMs);
      if (fault.reset === true) {
        req.socket.resetAndDestroy();
        return;
      }
      if (fault.raw !== undefined) {
        this.sendRaw(res, fault.status ?? 200, fault.raw, fault.headers ?? {});
        return;
      }
      if (fault.status !== undefined) {
        const base = this.options.errorResponse(fault.status, `Injected failure (${fault.status})`);
        this.send(res, {
          ...(fault.body !== undefined ? { body: fault.body } : base),
          status: fault.status,
          headers: { ...base.headers, ...fault.headers },
        });
        return;
      }
    }

    const base = this.options.basePath;
    if (!(url.pathname === base || url.pathname.startsWith(`${base}/`))) {
      this.send(res, this.options.errorResponse(404, 'Not Found'));
      return;
    }
    const path = url.pathname.slice(base.length) || '/';
    const headers: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(req.headers)) headers[key] = Array.isArray(value) ? value.join(', ') : value;
    const found = this.options.router.find(method, path);
    const simReq: SimRequest = {
      method,
      path,
      query: url.searchParams,
      headers,
      body: parseBody(raw, headers['content-type']),
      rawBody: raw,
      params: found !== null && 'route' in found ? found.params : {},
    };
    const denied = this.options.authenticate(simReq);
    if (denied !== null) {
      this.send(res, denied);
      return;
    }
    const limited = this.checkQuota(simReq);
    if (limited !== null) {
      this.send(res, limited);
      return;
    }
    if (found === null) {
      this.send(res, this.options.errorResponse(404, 'Not Found'));
      return;
    }
    if (!('route' in found)) {
      this.send(res, { ...this.options.errorResponse(405, 'Method Not Allowed'), headers: { allow: found.allowed.join(', ') } });
      return;
    }
    try {
      this.send(res, await found.route.handler(simReq));
    } catch (error) {
      if (error instanceof SimError) {
        this.send(res, this.options.errorResponse(error.status, error.message, error.extra));
      } else {
        this.send(res, this.options.errorResponse(500, 'Internal error'));
      }
    }
  }

  private checkQuota(req: SimRequest): SimResponse | null {
    if (this.quota === null) return null;
    const now = Date.now();
    const key = this.options.credentialOf(req);
    let entry = this.usage.get(key);
    if (entry === undefined || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + this.quota.windowMs };
      this.usage.set(key, entry);
    }
    entry.count++;
    if (entry.count <= this.quota.limit) return null;
    return this.options.rateLimited(Math.max(1, Math.ceil((entry.resetAt - now) / 1000)), this.quota.limit);
  }

  private async control(req: IncomingMessage, url: URL, raw: string): Promise<SimResponse> {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const body = parseBody(raw, 'json');
    const key = `${method} ${path}`;
    switch (key) {
      case 'GET /__sim/requests':
        return { status: 200, body: this.log };
      case 'DELETE /__sim/requests':
        this.clearRequests();
        return { status: 204 };
      case 'POST /__sim/faults':
        this.addFault(body as Fault);
        return { status: 201, body: { ok: true } };
      case 'DELETE /__sim/faults':
        this.clearFaults();
        return { status: 204 };
      case 'POST /__sim/quota':
        this.setQuota(body as Quota);
        return { status: 201, body: { ok: true } };
      case 'DELETE /__sim/quota':
        this.setQuota(null);
        return { status: 204 };
      case 'GET /__sim/routes':
        return { status: 200, body: this.options.router.list() };
      default:
        return this.serviceControl(method, path.slice('/__sim'.length), url.searchParams, body, raw, key);
    }
  }

  /** A control of the service's own (see {@link SimulatorOptions.controls}); its SimErrors answer as `{ message }`. */
  private async serviceControl(method: string, path: string, query: URLSearchParams, body: unknown, raw: string, key: string): Promise<SimResponse> {
    const found = this.options.controls?.find(method, path) ?? null;
    if (found === null || !('route' in found)) return { status: found === null ? 404 : 405, body: { message: `Unknown simulator control ${key}` } };
    try {
      return await found.route.handler({ method, path, query, headers: {}, body, rawBody: raw, params: found.params });
    } catch (error) {
      if (error instanceof SimError) return { status: error.status, body: { message: error.message } };
      throw error;
    }
  }

  /** A raw body, its parts repeated, written in chunks of about 64 KiB as a server streams a large answer. */
  private sendRaw(res: ServerResponse, status: number, parts: NonNullable<Fault['raw']>, headers: Readonly<Record<string, string>>): void {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
    const pending = parts.map((part) => ({ text: part.text, left: part.repeat ?? 1 }));
    const write = (): void => {
      for (const part of pending) {
        const perChunk = Math.max(1, Math.floor(65_536 / Math.max(1, part.text.length)));
        while (part.left > 0) {
          const count = Math.min(part.left, perChunk);
          part.left -= count;
          if (!res.write(part.text.repeat(count))) {
            res.once('drain', write);
            return;
          }
        }
      }
      res.end();
    };
    write();
  }

  private send(res: ServerResponse, response: SimResponse): void {
    res.statusCode = response.status;
    for (const [key, value] of Object.entries(response.headers ?? {})) res.setHeader(key, value);
    if (response.text !== undefined) {
      if (!res.hasHeader('content-type')) res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(response.text);
    } else if (response.body !== undefined && response.status !== 204) {
      if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(response.body));
    } else {
      res.end();
    }
  }
}

export { Router };
export type { SimRequest, SimResponse };
