/**
 * The parts of an HTTP exchange the cache keeps and keys on. The upstream
 * clients speak in these same types: the cache needs nothing of theirs.
 */

/** The HTTP methods of upstream calls. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A query parameter value; null and undefined are left out, arrays repeat the key. */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** Response headers by lower-case name. */
export type ResponseHeaders = Readonly<Record<string, string | undefined>>;

/** An upstream answer: status, headers and the decoded body. */
export interface UpstreamResponse<T = unknown> {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly body: T;
  /** Size of the body as received, in bytes; measured only while tracing (never stored). */
  readonly bytes?: number | undefined;
}
