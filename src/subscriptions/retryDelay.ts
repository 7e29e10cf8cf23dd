import { GraphQLError } from 'graphql';

/**
 * The wait an error asks for, in ms: the `retryAfter` seconds any gateway
 * error may carry (a rate limit's `Retry-After`, an open circuit's time
 * left), whatever its code; undefined when it asks for none.
 */
export function retryAfterMsOf(error: unknown): number | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const own = (error as { readonly retryAfter?: unknown }).retryAfter;
  const value = typeof own === 'number' ? own : error.extensions['retryAfter'];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value * 1000) : undefined;
}

/**
 * How long a poller waits after its `failures`-th failure in a row: at
 * least what the error asks for (`retryAfter`), else an exponential backoff
 * from `baseMs`, at most `maxMs`.
 */
export function failureDelayMs(error: unknown, failures: number, baseMs: number, maxMs: number): number {
  return retryAfterMsOf(error) ?? Math.min(baseMs * 2 ** Math.min(Math.max(failures, 1), 16), maxMs);
}
