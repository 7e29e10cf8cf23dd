import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerOf } from '../http/headerOf.js';
import { csrfPreventionHeaders } from './csrfPrevention.js';

/** What a preflight may ask to send: the body's type, a request id, and the headers that carry credentials or make a preflight. */
const allowedRequestHeaders = ['content-type', 'accept', 'x-request-id', ...csrfPreventionHeaders].join(', ');

/** What a page of an allowed origin may read of an answer besides the CORS-safelisted headers. */
const exposedHeaders = 'x-request-id, retry-after';

/** Cross-origin access to the gateway, for browser pages of the origins in `CORS_ORIGINS`. */
export interface Cors {
  /**
   * Adds the CORS headers an allowed origin's page needs to the answer of a
   * `/graphql` request, and answers its preflight (`OPTIONS`). True when the
   * request was answered here.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /**
   * Whether a WebSocket upgrade may connect: a client that sends no Origin
   * (not a browser), a page of the gateway's own host, or of an allowed
   * origin. Browsers let any page open a WebSocket to any host and apply no
   * CORS to it, so without this a page of any site a user visits could use
   * the gateway (and its configured tokens) from inside their network.
   */
  allowsWebSocket(req: IncomingMessage): boolean;
}

/**
 * The gateway's CORS: none unless `origins` lists some (a page of another
 * origin gets no answer to its preflight, so browsers send it nothing but
 * simple requests, which CSRF prevention refuses). Listed origins are
 * answered with their own origin, never `*`, and `Vary: Origin`; `*` in
 * the list allows every origin.
 */
export function createCors(origins: readonly string[]): Cors {
  const any = origins.includes('*');
  const listed = new Set(origins);
  const allowed = (origin: string | undefined): origin is string => origin !== undefined && (any || listed.has(origin));
  return {
    handle(req, res) {
      if (origins.length === 0) return false;
      res.setHeader('vary', 'origin');
      const origin = headerOf(req.headers, 'origin');
      if (!allowed(origin)) return false;
      res.setHeader('access-control-allow-origin', origin);
      if (req.method !== 'OPTIONS' || headerOf(req.headers, 'access-control-request-method') === undefined) {
        res.setHeader('access-control-expose-headers', exposedHeaders);
        return false;
      }
      req.resume();
      res.setHeader('access-control-allow-methods', 'GET, POST');
      res.setHeader('access-control-allow-headers', allowedRequestHeaders);
      res.setHeader('access-control-max-age', '600');
      res.statusCode = 204;
      res.end();
      return true;
    },
    allowsWebSocket(req) {
      const origin = headerOf(req.headers, 'origin');
      if (origin === undefined) return true;
      if (allowed(origin)) return true;
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        return false;
      }
      // The gateway's own pages (the explorer, the board), also behind a proxy that names the public host.
      const forwarded = headerOf(req.headers, 'x-forwarded-host')?.split(',')[0]?.trim();
      return host === headerOf(req.headers, 'host') || (forwarded !== undefined && host === forwarded);
    },
  };
}
