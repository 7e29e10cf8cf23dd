/**
 * The stable `extensions.code` values of every error the gateway returns.
 * Clients may switch on these; they never change meaning.
 */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  UpstreamTimeout: 'UPSTREAM_TIMEOUT',
  UpstreamError: 'UPSTREAM_ERROR',
  /** The service's circuit is open: the call was not sent (`extensions.reason`, `retryAfter`). */
  UpstreamUnavailable: 'UPSTREAM_UNAVAILABLE',
  NotConfigured: 'SERVICE_NOT_CONFIGURED',
  QueryTooComplex: 'QUERY_TOO_COMPLEX',
  /** Trusted documents mode: the operation is not one of the listed documents. */
  PersistedQueryNotInList: 'PERSISTED_QUERY_NOT_IN_LIST',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;

/** One of the {@link ErrorCode} values. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const publicCodes: ReadonlySet<string> = new Set<string>([
  // INTERNAL_SERVER_ERROR is what an error without a code of its own gets: its message is never shown.
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.Internal),
  // Codes Apollo Server itself attaches to request-level failures.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Whether an error carrying this code may be shown to clients as it is.
 * Every gateway code is, except `INTERNAL_SERVER_ERROR`.
 */
export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && publicCodes.has(code);
}
