import type { GraphQLFormattedError } from 'graphql';
import { isPublicCode } from './ErrorCode.js';

/**
 * Apollo Server's refusals of a persisted-query request that carry no code
 * of their own (its not-found and not-supported errors do): client mistakes,
 * answered 400 by Apollo, given the code of a bad request.
 */
const persistedQueryRefusals: ReadonlySet<string> = new Set(['provided sha does not match query', 'Unsupported persisted query version']);

/** graphql-js's message when parsing stops at its `maxTokens` (QUERY_MAX_TOKENS); graphql 16 spells it "more that". */
const tokenLimit = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/**
 * A parse stopped at the token limit, as the other cost limits answer:
 * QUERY_TOO_COMPLEX with the limit (the count is unknown: parsing stopped).
 */
function tokenLimitRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const limit = tokenLimit.exec(formatted.message)?.[1];
  if (limit === undefined) return undefined;
  return {
    message: `The document has more than ${limit} tokens (QUERY_MAX_TOKENS)`,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: 'QUERY_TOO_COMPLEX', measure: 'tokens', limit: Number(limit) },
  };
}

/** The code an error is shown with, or undefined when it must be masked. */
export function publicCodeOf(formatted: { readonly message: string; readonly extensions?: Readonly<Record<string, unknown>> | undefined }): string | undefined {
  const code = formatted.extensions?.['code'];
  if (isPublicCode(code)) return code as string;
  if (persistedQueryRefusals.has(formatted.message)) return 'BAD_REQUEST';
  return undefined;
}

/**
 * Apollo Server's `formatError`: errors with a known code pass through;
 * anything else (a bug, a library's internal message) is masked so that no
 * internal detail, URL or secret reaches a client. The original is logged
 * where the request is known (see unexpectedErrorLog).
 */
export function formatError(formatted: GraphQLFormattedError, _error: unknown): GraphQLFormattedError {
  const tooManyTokens = tokenLimitRefusal(formatted);
  if (tooManyTokens !== undefined) return tooManyTokens;
  const code = publicCodeOf(formatted);
  if (code !== undefined) {
    // Apollo adds a stack trace in development; never send it, nor an HTTP status meant for the transport.
    const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  return {
    message: 'Internal server error',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** graphql-js's suggestions: `Did you mean "a", "b", or "c"?`, `… the enum value "X"?`, `… to use an inline fragment on "X"?`. */
const suggestion = /\s*Did you mean [^?]*\?/g;

/**
 * The `formatError` of a gateway: {@link formatError}, with every "Did you
 * mean …?" cut from messages first when `fieldSuggestions` is false
 * (QUERY_FIELD_SUGGESTIONS), so that names of the schema a caller did not
 * send never come back in an error: validation errors, variable coercion
 * errors, on every transport.
 */
export function formatErrorFor(options: { readonly fieldSuggestions: boolean }): typeof formatError {
  if (options.fieldSuggestions) return formatError;
  return (formatted, error) => formatError(formatted.message.includes('Did you mean') ? { ...formatted, message: formatted.message.replace(suggestion, '') } : formatted, error);
}
