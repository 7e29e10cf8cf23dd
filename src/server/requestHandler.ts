import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { WebhookService } from '../config/liveSettings.js';
import type { Cors } from './cors.js';
import type { GraphQLHandler } from './graphqlHandler.js';
import type { Logger } from './logger.js';
import { BodyTooLargeError, IncompleteBodyError } from '../http/readBody.js';
import { requestTarget } from './requestTarget.js';
import { sendJson } from '../http/sendJson.js';

/** The webhook receivers, as the request handler routes to them. */
export interface WebhookRoutes {
  serviceOf(pathname: string): WebhookService | undefined;
  handle(service: WebhookService, req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** What the gateway's HTTP routes are served by. */
export interface RequestHandlerParts {
  readonly graphql: GraphQLHandler;
  /** CORS for `/graphql` (CORS_ORIGINS). */
  readonly cors?: Cors | undefined;
  readonly webhooks: WebhookRoutes;
  /** `/readyz`: the status and body to answer. */
  readonly readiness: () => Promise<{ readonly status: number; readonly body: unknown }>;
  /** `/metrics`: the Prometheus exposition. */
  readonly metrics: () => Promise<{ readonly contentType: string; readonly body: string }>;
  /** The explorer, when on: true when it answered. */
  readonly explorer?: ((req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>) | undefined;
  readonly logger: Logger;
  /** Called first for every request (shutdown tracking). */
  readonly onRequest?: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
}

const readOnly = new Set(['GET', 'HEAD']);

function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  // An unread body would otherwise be parsed as the next request on this connection.
  req.resume();
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  sendJson(res, status, { error: message });
}

/**
 * The gateway's HTTP routes: `/graphql`, webhooks, health, readiness,
 * metrics and the explorer. A request target that is not a plain path (or
 * an absolute `http(s)` URL) is answered 400, a known path with the wrong
 * method 405, and no route's failure escapes: it is logged and answered 500
 * unless an answer has begun, in which case the connection is closed.
 */
export function createRequestHandler(parts: RequestHandlerParts): RequestListener {
  const { logger } = parts;
  const plain = async (path: string, method: string, res: ServerResponse, req: IncomingMessage, answer: () => Promise<void>): Promise<void> => {
    if (!readOnly.has(method)) return refuse(req, res, 405, `${path} answers GET and HEAD`, { allow: 'GET, HEAD' });
    return answer();
  };
  const route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const method = req.method ?? 'GET';
    const { pathname } = url;
    if (pathname === '/graphql') {
      if (parts.cors?.handle(req, res) === true) return;
      return parts.graphql(req, res, url);
    }
    const webhookService = parts.webhooks.serviceOf(pathname);
    if (webhookService !== undefined) return parts.webhooks.handle(webhookService, req, res);
    switch (pathname) {
      case '/healthz':
        return plain(pathname, method, res, req, async () => sendJson(res, 200, { status: 'ok' }));
      case '/readyz':
        return plain(pathname, method, res, req, async () => {
          const { status, body } = await parts.readiness();
          sendJson(res, status, body);
        });
      case '/metrics':
        return plain(pathname, method, res, req, async () => {
          const { contentType, body } = await parts.metrics();
          res.setHeader('content-type', contentType);
          res.end(body);
        });
      default:
        if (parts.explorer !== undefined && (await parts.explorer(req, res, url))) return;
        refuse(req, res, 404, 'Not found');
    }
  };
  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown, path: string): void => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof BodyTooLargeError) {
      res.setHeader('connection', 'close');
      sendJson(res, 413, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    if (error instanceof IncompleteBodyError) {
      res.setHeader('connection', 'close');
      sendJson(res, 400, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    logger.error({ err: error, method: req.method, path }, 'Request failed');
    sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
  return (req, res) => {
    try {
      parts.onRequest?.(req, res);
      const url = requestTarget(req.url);
      if (url === undefined) {
        res.setHeader('connection', 'close');
        refuse(req, res, 400, 'The request target must be a path such as /graphql');
        return;
      }
      route(req, res, url).catch((error: unknown) => fail(req, res, error, url.pathname));
    } catch (error) {
      fail(req, res, error, '');
    }
  };
}
