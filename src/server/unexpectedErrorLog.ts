import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { publicCodeOf } from '../errors/formatError.js';
import type { Logger } from './logger.js';

/**
 * Logs each error a client is only shown as `Internal server error`
 * (formatError masks it), with the request id the client got, so the
 * original can be found from what the client reports.
 */
export function logUnexpectedErrors(logger: Logger, requestId: string, errors: readonly GraphQLError[], operationName?: string | null): void {
  for (const error of errors) {
    if (publicCodeOf(error) !== undefined) continue;
    logger.error({ requestId, operationName: operationName ?? undefined, path: error.path, err: error.originalError ?? error }, 'Unexpected error (the client was sent a masked message)');
  }
}

/** An Apollo Server plugin that applies {@link logUnexpectedErrors} to every operation. */
export function unexpectedErrorLogPlugin<C extends { readonly requestId: string }>(logger: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          logUnexpectedErrors(logger, contextValue.requestId, errors, operationName);
        },
      };
    },
  };
}
