import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Config } from '../config/config.js';
import { formatErrorFor } from '../errors/formatError.js';
import { createSchema } from '../schema/createSchema.js';
import { Upstreams } from '../upstreams/Upstreams.js';
import type { UpstreamObserver } from '../upstreams/http/types.js';
import { attachWebSocket } from './attachWebSocket.js';
import type { Invalidator } from '../subscriptions/EventSink.js';
import { LiveHub } from '../subscriptions/LiveHub.js';
import type { GatewayContext } from '../context/GatewayContext.js';
import { createContext, requestCredentials } from './context.js';
import { partialErrorsPlugin } from './partialErrors.js';
import { unexpectedErrorLogPlugin } from './unexpectedErrorLog.js';
import { operationLimitsPlugin } from '../limits/limitsPlugin.js';
import { createExplorerHandler } from './explorer.js';
import { introspectionRules } from './introspectionRules.js';
import { csrfPreventionHeaders } from './csrfPrevention.js';
import { createCors } from './cors.js';
import { createBoardHandler } from './board.js';
import { readinessAnswer, ReadinessCheck } from './health.js';
import { GatewayMetrics, type MetricsSource } from './metrics.js';
import { operationPlugin, type OperationSummary } from './operationPlugin.js';
import { describeOperationSpan } from './operationSpan.js';
import { spans } from '../telemetry/spans.js';
import { createGraphQLHandler } from './graphqlHandler.js';
import { liveAndCacheMetrics } from './liveAndCacheMetrics.js';
import { createRequestHandler } from './requestHandler.js';
import { ClientAuth } from './auth/ClientAuth.js';
import { openTokensWarning } from './auth/openTokensWarning.js';
import { operationLogger } from './requestLogging.js';
import { GracefulShutdown, type ShutdownHook, type ShutdownPhase } from './shutdown.js';
import { combineObservers, UpstreamTally } from './upstreamTally.js';
import { createLogger, type Logger } from './logger.js';
import { cachePlugin } from '../cache/cachePlugin.js';
import { OperationCache } from '../cache/OperationCache.js';
import { createResponseCache } from '../cache/createResponseCache.js';
import { ApolloStoreCache, type ResponseCache } from '../cache/ResponseCache.js';
import { TrustedDocuments } from '../trustedDocuments/TrustedDocuments.js';

const maxBodyBytes = 1_048_576;

/** What a gateway is built from: its config and the parts tests may replace. */
export interface GatewayOptions {
  readonly config: Config;
  readonly observer?: UpstreamObserver;
  /** Where operation logs go; a logger at the configured level on stdout by default. */
  readonly logger?: Logger | undefined;
  /** Drops cache entries a webhook event makes stale; the response cache by default. */
  readonly invalidator?: Invalidator | undefined;
  /** Milliseconds since the epoch, for the response cache; injectable for tests. */
  readonly clock?: (() => number) | undefined;
}

/** A running gateway: its HTTP server, and how to stop it. */
export interface Gateway {
  readonly server: Server;
  readonly apollo: ApolloServer<GatewayContext>;
  readonly upstreams: Upstreams;
  readonly metrics: GatewayMetrics;
  /** Subscriptions: event bus, webhook receivers, pollers. */
  readonly live: LiveHub;
  /** Open WebSocket connections. */
  webSocketCount(): number;
  /** The response cache; `cache.stats.snapshot()` has its counters. */
  readonly cache: ResponseCache;
  /** The cache of whole answers (`RESPONSE_CACHE_ENABLED`); undefined when off. */
  readonly operationCache: OperationCache | undefined;
  /** The URL of the GraphQL endpoint, once listening. */
  url(): string;
  listen(port?: number, host?: string): Promise<string>;
  /** Adds values reported at `/metrics` (cache counters, open subscriptions, webhook deliveries). */
  addMetricsSource(source: MetricsSource): void;
  /**
   * Registers work for shutdown: `draining` hooks run as it begins (close
   * WebSockets with 1001 Going Away), `drained` hooks once in-flight requests are done.
   */
  onShutdown(hook: ShutdownHook, phase?: ShutdownPhase): void;
  /**
   * Graceful stop: stop accepting, let in-flight requests finish within
   * `graceMs` (SHUTDOWN_GRACE_MS by default), then close connections and pools.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Builds the gateway: the schema and Apollo Server are made once here; each
 * request only parses its body, builds a context and executes.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const auth = new ClientAuth(config.auth);
  const openTokens = openTokensWarning(config);
  if (openTokens !== undefined) logger.warn(openTokens);
  const metrics = new GatewayMetrics();
  const tally = new UpstreamTally();
  const cache = createResponseCache(config, { log: logger, clock: options.clock });
  // Credential waits are kept by the cache's fingerprints: replicas with one CACHE_KEY_SECRET share them.
  const upstreams = new Upstreams(config, combineObservers([metrics.observer, tally.observer, options.observer]), {}, {
    fingerprint: (service, token) => cache.fingerprint(service, token),
    clock: options.clock,
    log: logger,
  });
  // Subscribed while the live hub connects (each waits a few seconds at most for a Redis that is down).
  const sharingBackoffs = upstreams.shareBackoffs();
  const schema = createSchema();
  const operationListeners: ((summary: OperationSummary) => void)[] = [(summary) => metrics.recordOperation(summary), operationLogger(logger)];
  if (spans.enabled) operationListeners.push(describeOperationSpan);
  const apollo = new ApolloServer<GatewayContext>({
    // Persisted queries (and Apollo's other caches) live in the same store as responses.
    cache: new ApolloStoreCache(cache.store),
    schema,
    formatError: formatErrorFor(config),
    includeStacktraceInErrorResponses: false,
    // INTROSPECTION is one rule for HTTP and graphql-ws (see introspectionRules), not Apollo's own switch.
    introspection: true,
    validationRules: [...introspectionRules(config.introspection)],
    // A request carrying a credential header was preflighted by any browser: a GET with one runs (urql's default).
    csrfPrevention: { requestHeaders: [...csrfPreventionHeaders] },
    // The token limit bounds the work of parsing and validating before the other limits are checked.
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Shutdown is ours (see stop): Apollo must not stop itself on SIGTERM while requests drain.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Cache-Control comes from cachePlugin (what the operation read upstream); Apollo's own
      // hint-based plugin would wrap every field resolver only to leave that header as it is.
      ApolloServerPluginCacheControlDisabled(),
      partialErrorsPlugin<GatewayContext>(),
      unexpectedErrorLogPlugin<GatewayContext>(logger),
      operationLimitsPlugin<GatewayContext>(config.limits),
      cachePlugin<GatewayContext>(),
      operationPlugin(tally, operationListeners),
    ],
  });
  await apollo.start();
  // A webhook event makes cached answers of what it names stale, on every replica.
  const invalidator: Invalidator = options.invalidator ?? {
    invalidate: async (service, paths) => {
      for (const path of paths) await cache.invalidate(service, 'PATCH', path);
    },
  };
  const live = await LiveHub.create({ config, settings: config.live, upstreams, invalidator });
  await sharingBackoffs;

  const trustedDocuments = config.trustedDocuments === undefined ? undefined : new TrustedDocuments(config.trustedDocuments);
  if (trustedDocuments !== undefined) logger.info({ trustedDocuments: trustedDocuments.size }, `Trusted documents: only the ${trustedDocuments.size} listed operations run`);
  const operationCache = config.cache.responsesEnabled
    ? new OperationCache({
        store: cache.store,
        fingerprint: (service, token) => cache.fingerprint(service, token),
        writeCount: () => cache.writeCount(),
        scope: upstreams.scope(),
        clock: options.clock,
      })
    : undefined;
  const handleGraphQL = createGraphQLHandler({
    apollo,
    maxBodyBytes,
    trustedDocuments,
    createContext: (req, credentials) => createContext(config, upstreams, req.headers, auth, cache, credentials),
    answers:
      operationCache === undefined
        ? undefined
        : {
            cache: operationCache,
            credentials: (req) => requestCredentials(config, auth, req.headers),
            onServed: (summary) => {
              for (const listener of operationListeners) listener(summary);
            },
          },
  });

  const readiness = new ReadinessCheck(config.redisUrl);
  // The explorer at / and the live board at /board, both with EXPLORER.
  const pages = config.explorer ? [createExplorerHandler({ introspection: config.introspection }), createBoardHandler({ maxProjects: config.live.maxWatchedProjects })] : [];
  const explorer =
    pages.length === 0
      ? undefined
      : async (...args: Parameters<ReturnType<typeof createExplorerHandler>>): Promise<boolean> => {
          for (const serve of pages) if (await serve(...args)) return true;
          return false;
        };

  const cors = createCors(config.corsOrigins);
  const server = createServer(
    createRequestHandler({
      graphql: handleGraphQL,
      cors,
      webhooks: live.webhooks,
      readiness: async () => readinessAnswer(await readiness.check(), upstreams.guardStates()),
      metrics: () => metrics.render(),
      explorer,
      logger,
      onRequest: (_req, res) => {
        graceful.track(res);
        // While draining, answer in-flight and late requests but let no connection be reused.
        if (graceful.draining) res.setHeader('connection', 'close');
      },
    }),
  );
  server.keepAliveTimeout = 65_000;
  const graceful = new GracefulShutdown(server, (error) => logger.error({ err: error }, 'A shutdown step failed'));
  graceful.onShutdown(() => readiness.markDraining());
  graceful.onShutdown(async () => {
    await apollo.stop();
    // Past the grace period, calls still waiting on an upstream are abandoned rather than awaited.
    await (graceful.gracePeriodExceeded ? upstreams.destroy() : upstreams.close());
    await readiness.close();
    await cache.close();
  }, 'drained');
  const webSocket = attachWebSocket({ server, path: '/graphql', cors, schema, config, upstreams, live, auth, trustedDocuments, maxPayloadBytes: maxBodyBytes, logger });
  // WebSockets close at once, with graphql-ws's 1001 Going Away; pollers and pub/sub once requests are done.
  graceful.onShutdown(() => webSocket.close());
  graceful.onShutdown(() => live.dispose(), 'drained');
  metrics.addSource(liveAndCacheMetrics(cache, live, operationCache));
  metrics.trackReadiness(() => readiness.check());
  metrics.trackUpstreamGuards(() => upstreams.guardStates());

  let listening = '';
  return {
    server,
    apollo,
    upstreams,
    metrics,
    live,
    webSocketCount: () => webSocket.clientCount(),
    cache,
    operationCache,
    url: () => listening,
    addMetricsSource: (source) => metrics.addSource(source),
    onShutdown: (hook, phase) => graceful.onShutdown(hook, phase),
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
    async stop(graceMs = config.shutdownGraceMs) {
      await graceful.run(graceMs);
    },
  };
}
