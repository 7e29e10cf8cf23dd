import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Config } from '../config/config.js';
import { formatError } from '../errors/formatError.js';
import { createSchema } from '../schema/createSchema.js';
import { Upstreams } from '../upstreams/Upstreams.js';
import type { UpstreamObserver } from '../upstreams/http/types.js';
import { createContext, type GatewayContext } from './context.js';
import { BodyTooLargeError, readBody } from './readBody.js';
import { createLogger, type Logger } from './logger.js';
import { cachePlugin } from '../cache/cachePlugin.js';
import { createResponseCache } from '../cache/createResponseCache.js';
import { ApolloStoreCache, type ResponseCache } from '../cache/ResponseCache.js';

const maxBodyBytes = 1_048_576;

export interface GatewayOptions {
  readonly config: Config;
  readonly observer?: UpstreamObserver;
  readonly logger?: Logger | undefined;
  /** Milliseconds since the epoch, for the response cache; injectable for tests. */
  readonly clock?: (() => number) | undefined;
}

/** A running gateway: its HTTP server, and how to stop it. */
export interface Gateway {
  readonly server: Server;
  readonly apollo: ApolloServer<GatewayContext>;
  readonly upstreams: Upstreams;
  /** The response cache; `cache.stats.snapshot()` has its counters. */
  readonly cache: ResponseCache;
  /** The URL of the GraphQL endpoint, once listening. */
  url(): string;
  listen(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * Builds the gateway: the schema and Apollo Server are made once here; each
 * request only parses its body, builds a context and executes.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const upstreams = new Upstreams(config, options.observer);
  const logger = options.logger ?? createLogger(config.logLevel);
  const cache = createResponseCache(config, { log: logger, clock: options.clock });
  const apollo = new ApolloServer<GatewayContext>({
    // Persisted queries (and Apollo's other caches) live in the same store as responses.
    cache: new ApolloStoreCache(cache.store),
    schema: createSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [ApolloServerPluginLandingPageDisabled(), cachePlugin<GatewayContext>()],
  });
  await apollo.start();

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, maxBodyBytes);
      const type = headers.get('content-type') ?? '';
      if (type.includes('application/json') && raw !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
          return;
        }
      } else {
        body = raw;
      }
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => createContext(config, upstreams, req.headers, cache),
    });
    res.statusCode = response.status ?? 200;
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const route = async (): Promise<void> => {
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url);
      if (url.pathname === '/healthz' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
      sendJson(res, 404, { error: 'Not found' });
    };
    route().catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof BodyTooLargeError) {
        sendJson(res, 413, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
      sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    });
  });
  server.keepAliveTimeout = 65_000;

  let listening = '';
  return {
    server,
    apollo,
    upstreams,
    cache,
    url: () => listening,
    async listen(port = config.port, host = config.host) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      listening = `http://${shownHost}:${address.port}/graphql`;
      return listening;
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
      await upstreams.close();
      await cache.close();
    },
  };
}
