import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Config } from '../config/config.js';
import { formatError } from '../errors/formatError.js';
import { createSchema } from '../schema/createSchema.js';
import { Upstreams } from '../upstreams/Upstreams.js';
import type { UpstreamObserver } from '../upstreams/http/types.js';
import { attachWebSocket } from '../subscriptions/attachWebSocket.js';
import type { Invalidator } from '../subscriptions/EventSink.js';
import { LiveHub } from '../subscriptions/LiveHub.js';
import { createContext, type GatewayContext } from './context.js';
import { BodyTooLargeError, readBody } from './readBody.js';

const maxBodyBytes = 1_048_576;

export interface GatewayOptions {
  readonly config: Config;
  readonly observer?: UpstreamObserver;
  /** Drops cache entries a webhook event makes stale (the response cache); nothing by default. */
  readonly invalidator?: Invalidator;
}

/** A running gateway: its HTTP server, and how to stop it. */
export interface Gateway {
  readonly server: Server;
  readonly apollo: ApolloServer<GatewayContext>;
  readonly upstreams: Upstreams;
  /** Subscriptions: event bus, webhook receivers, pollers. */
  readonly live: LiveHub;
  /** Open WebSocket connections. */
  webSocketCount(): number;
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
  const schema = createSchema();
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  const live = await LiveHub.create({ config, settings: config.live, upstreams, invalidator: options.invalidator });

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
      context: async () => createContext(config, upstreams, req.headers),
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
      const webhookService = live.webhooks.serviceOf(url.pathname);
      if (webhookService !== undefined) return live.webhooks.handle(webhookService, req, res);
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
  const webSocket = attachWebSocket({ server, path: '/graphql', schema, config, upstreams, live, maxPayloadBytes: maxBodyBytes });

  let listening = '';
  return {
    server,
    apollo,
    upstreams,
    live,
    webSocketCount: () => webSocket.clientCount(),
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
      await webSocket.close();
      await live.dispose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
      await upstreams.close();
    },
  };
}
