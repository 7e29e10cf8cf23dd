import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatError } from '../errors/formatError.js';
import type { PartialError } from '../errors/PartialError.js';

function toFormatted({ error, path }: PartialError): GraphQLFormattedError {
  const graphQLError =
    error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error));
  const located = new GraphQLError(graphQLError.message, { path, extensions: graphQLError.extensions });
  return formatError(located.toJSON(), error);
}

/**
 * Adds the errors resolvers recorded in `context.partialErrors` to the
 * response: a field can then answer with its data *and* say which part of
 * it failed, which GraphQL's one-value-or-error fields cannot express.
 */
export function partialErrorsPlugin<C extends { readonly partialErrors: PartialError[] }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || contextValue.partialErrors.length === 0) return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...contextValue.partialErrors.map(toFormatted)];
        },
      };
    },
  };
}
