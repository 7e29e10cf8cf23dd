import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context/GatewayContext.js';
import type { UpstreamTally } from './upstreamTally.js';

/** What happened in one GraphQL operation over HTTP, for logs and metrics. */
export interface OperationSummary {
  readonly requestId: string;
  /** The operation's name; empty for an anonymous operation. */
  readonly operationName: string;
  /** query, mutation, subscription, or unknown when the document did not resolve. */
  readonly operationType: string;
  readonly outcome: 'success' | 'error';
  /** The distinct error codes of the answer. */
  readonly errorCodes: readonly string[];
  readonly durationMs: number;
  readonly upstreamCalls: number;
  readonly upstreamDurationMs: number;
  /** True when the whole answer came from the cache, with no execution. */
  readonly cached?: boolean | undefined;
}

function errorCodesOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string[] {
  const codes = new Set<string>();
  for (const error of errors ?? []) {
    const code = error.extensions?.['code'];
    codes.add(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
  }
  return [...codes];
}

/**
 * An Apollo Server plugin that times each operation, counts its upstream
 * calls through the tally, answers with the request id in `x-request-id`
 * and hands a summary to each listener once the answer is ready.
 */
export function operationPlugin(
  tally: UpstreamTally,
  listeners: readonly ((summary: OperationSummary) => void)[],
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart(start) {
      const started = performance.now();
      const { requestId } = start.contextValue;
      tally.begin(requestId);
      return {
        async willSendResponse(requestContext) {
          // Lets a client quote the id that its log line and upstream calls carry.
          requestContext.response.http.headers.set('x-request-id', requestId);
          const usage = tally.end(requestId);
          const body = requestContext.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : requestContext.errors;
          const errorCodes = errorCodesOf(errors);
          const summary: OperationSummary = {
            requestId,
            operationName: requestContext.operationName ?? requestContext.request.operationName ?? '',
            operationType: requestContext.operation?.operation ?? 'unknown',
            outcome: errorCodes.length === 0 && (requestContext.errors?.length ?? 0) === 0 ? 'success' : 'error',
            errorCodes,
            durationMs: performance.now() - started,
            upstreamCalls: usage.calls,
            upstreamDurationMs: usage.durationMs,
          };
          for (const listener of listeners) listener(summary);
        },
      };
    },
  };
}
