import { maxJsonDepth, nestedDeeperThan } from '../http/jsonDepth.js';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { getOperationAST, getVariableValues, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Config } from '../config/config.js';
import type { Cors } from './cors.js';
import type { ServiceName } from '../config/ServiceName.js';
import { GatewayError } from '../errors/GatewayError.js';
import { formatErrorFor } from '../errors/formatError.js';
import { introspectionRules } from './introspectionRules.js';
import type { Upstreams } from '../upstreams/Upstreams.js';
import { createLiveContext } from '../subscriptions/LiveContext.js';
import type { LiveHub } from '../subscriptions/LiveHub.js';
import type { ClientAuth } from './auth/ClientAuth.js';
import { clientCredentials } from './clientAccess.js';
import { connectionParamReader } from './connectionParamReader.js';
import { requestTarget } from './requestTarget.js';
import { checkOperationLimits } from '../limits/operationLimits.js';
import type { Logger } from './logger.js';
import { logUnexpectedErrors } from './unexpectedErrorLog.js';
import type { TrustedDocuments } from '../trustedDocuments/TrustedDocuments.js';

/** How the graphql-ws endpoint is attached. */
export interface WebSocketOptions {
  readonly server: Server;
  /** The GraphQL path; WebSocket upgrades anywhere else are refused. */
  readonly path: string;
  /** Which browser pages may connect (their Origin). */
  readonly cors: Cors;
  readonly schema: GraphQLSchema;
  readonly config: Config;
  readonly upstreams: Upstreams;
  readonly live: LiveHub;
  /** Client authentication, applied to each connection_init. */
  readonly auth: ClientAuth;
  /** Trusted documents mode: only these operations may be subscribed to; any when undefined. */
  readonly trustedDocuments?: TrustedDocuments | undefined;
  readonly maxPayloadBytes: number;
  /** Where errors a subscriber is only shown masked are logged. */
  readonly logger: Logger;
}

/** The WebSocket side of the gateway, and how to end it. */
export interface WebSocketEndpoint {
  /** Open sockets. */
  clientCount(): number;
  close(): Promise<void>;
}

/** Subscriptions one connection may hold at once; each holds a listener and maybe a poll. */
export const maxSubscriptionsPerConnection = 100;

/** A parse or validation error with the code Apollo Server gives it over HTTP. */
function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes ?? null, source: error.source ?? null, positions: error.positions ?? null, originalError: error, extensions: { ...error.extensions, code } });
}

/** graphql-ws's close code for a connection_init that is refused. */
const forbiddenCloseCode = 4403;

/** A close reason naming the error's code and message, within the 123 bytes a close frame allows. */
export function closeReason(error: GatewayError): string {
  const reason = `${error.code}: ${error.message}`;
  return Buffer.byteLength(reason) <= 123 ? reason : `${Buffer.from(reason).subarray(0, 120).toString('utf8').replace(/\uFFFD$/, '')}...`;
}

/** The request id of a subscription's context, for logs. */
function requestIdOf(contextValue: unknown): string | undefined {
  const id = contextValue !== null && typeof contextValue === 'object' ? (contextValue as { requestId?: unknown }).requestId : undefined;
  return typeof id === 'string' ? id : undefined;
}

function refuse(socket: Duplex, status: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

/**
 * Serves GraphQL subscriptions (graphql-transport-ws protocol) on the same
 * server and path as queries. Each subscription's credentials come from the
 * connection_init payload, under the HTTP header names, falling back to the
 * configured tokens.
 */
export function attachWebSocket(options: WebSocketOptions): WebSocketEndpoint {
  const { server, path, config, upstreams, live } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // A client that resets the connection must not take the process with it.
    socket.on('error', () => socket.destroy());
    try {
      const url = requestTarget(req.url);
      if (url === undefined) return refuse(socket, '400 Bad Request');
      if (url.pathname !== path) return refuse(socket, '404 Not Found');
      if (!options.cors.allowsWebSocket(req)) return refuse(socket, '403 Forbidden');
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    } catch {
      socket.destroy();
    }
  };
  server.on('upgrade', onUpgrade);
  const formatError = formatErrorFor(config);
  const validationRules = [...specifiedRules, ...introspectionRules(config.introspection)];
  const format = (errors: readonly GraphQLError[], requestId: string | undefined) => {
    logUnexpectedErrors(options.logger, requestId ?? '', errors);
    return errors.map((error) => formatError(error.toJSON(), error));
  };
  const formatResult = (
    result: { readonly errors?: readonly GraphQLError[] | undefined; readonly data?: unknown; readonly extensions?: unknown },
    requestId: string | undefined,
  ): FormattedExecutionResult | undefined => {
    if (result.errors === undefined) return undefined;
    return {
      errors: format(result.errors, requestId),
      ...(result.data !== undefined ? { data: result.data as Record<string, unknown> | null } : {}),
      ...(result.extensions !== undefined ? { extensions: result.extensions as Record<string, unknown> } : {}),
    };
  };
  // Each connection's credentials, settled once on connection_init.
  const credentialsByConnection = new WeakMap<object, Readonly<Partial<Record<ServiceName, string>>>>();
  const graphqlWs = useServer(
    {
      schema: options.schema,
      context: (ctx) =>
        createLiveContext(live, upstreams, credentialsByConnection.get(ctx) ?? {}, {
          // The new subscription is already listed here.
          overLimit: Object.keys(ctx.subscriptions).length > maxSubscriptionsPerConnection ? maxSubscriptionsPerConnection : undefined,
        }),
      onConnect: async (ctx) => {
        const params = ctx.connectionParams;
        if (params !== undefined && (typeof params !== 'object' || params === null)) return false;
        try {
          credentialsByConnection.set(ctx, await clientCredentials(config, options.auth, connectionParamReader(params), 'connection parameter'));
          return true;
        } catch (error) {
          if (!(error instanceof GatewayError)) throw error;
          // graphql-ws would close with a bare "Forbidden"; say why, as the HTTP answer does.
          ctx.extra.socket.close(forbiddenCloseCode, closeReason(error));
          return false;
        }
      },
      // Parsed with the token limit and validated here, then held to the same cost limits as HTTP operations.
      onSubscribe: (_ctx, _id, payload) => {
        if (nestedDeeperThan(payload.variables, maxJsonDepth) || nestedDeeperThan(payload.extensions, maxJsonDepth)) {
          return [coded(new GraphQLError(`The subscription's variables or extensions nest more than ${maxJsonDepth} levels deep`), 'BAD_REQUEST')];
        }
        let text = payload.query;
        if (options.trustedDocuments !== undefined) {
          try {
            // A listed document may be named as over HTTP: by documentId or by the persistedQuery extension.
            text = options.trustedDocuments.documentOf({ query: payload.query, documentId: (payload as { readonly documentId?: unknown }).documentId, extensions: payload.extensions });
          } catch (error) {
            if (error instanceof GatewayError) return [error];
            throw error;
          }
        }
        let document: DocumentNode;
        try {
          document = parse(text, { maxTokens: config.limits.maxTokens });
        } catch (error) {
          return [coded(error instanceof GraphQLError ? error : new GraphQLError('The query could not be parsed'), 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(options.schema, document, validationRules);
        if (invalid.length > 0) return invalid.map((error) => coded(error, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (operation === null || operation === undefined) return [coded(new GraphQLError('Unable to identify operation'), 'OPERATION_RESOLUTION_FAILURE')];
        const refusal = checkOperationLimits(config.limits, options.schema, document, operation, payload.variables ?? {});
        if (refusal !== undefined) return [refusal];
        // Variables that do not fit their types are the caller's mistake, as over HTTP (Apollo Server's BAD_USER_INPUT),
        // not an internal error: graphql-js's own coercion, done here once before graphql-ws executes.
        const coerced = getVariableValues(options.schema, operation.variableDefinitions ?? [], payload.variables ?? {}, { maxErrors: 10 });
        if (coerced.errors !== undefined) return coerced.errors.map((error) => coded(error, 'BAD_USER_INPUT'));
        return { schema: options.schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      onNext: (_ctx, _id, _payload, args, result) => formatResult(result, requestIdOf(args.contextValue)),
      onError: (_ctx, id, _payload, errors) => format(errors, id),
    },
    wss,
  );
  return {
    clientCount: () => wss.clients.size,
    async close() {
      server.off('upgrade', onUpgrade);
      const closing = graphqlWs.dispose();
      // Do not wait for close handshakes of clients that never answer.
      for (const client of wss.clients) client.terminate();
      await closing;
    },
  };
}
