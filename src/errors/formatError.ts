import type { GraphQLFormattedError } from 'graphql';
import { isPublicCode } from './ErrorCode.js';

/**
 * Apollo Server's `formatError`: errors with a known code pass through;
 * anything else (a bug, a library's internal message) is masked so that no
 * internal detail, URL or secret reaches a client.
 */
export function formatError(formatted: GraphQLFormattedError, _error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (isPublicCode(code)) {
    // Apollo adds a stack trace in development; never send it.
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
