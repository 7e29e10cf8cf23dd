import type { ServiceName } from '../../config/ServiceName.js';
import type { ErrorCode } from '../../errors/ErrorCode.js';
import type { HttpMethod, QueryValue, ResponseHeaders } from '../../cache/types.js';

export type { HttpMethod, QueryValue, ResponseHeaders, UpstreamResponse } from '../../cache/types.js';

/** One call to an upstream, relative to the service's base URL. */
export interface UpstreamRequest {
  readonly method: HttpMethod;
  /** Path below the base URL, starting with `/`; path parameters already encoded. */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>> | undefined;
  /** JSON body (objects) or a raw string with its own content type. */
  readonly body?: unknown;
  readonly contentType?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** A route template for metrics and logs, e.g. `/pipeline/{id}`. */
  readonly route?: string | undefined;
}


/** What a service's error body says, in the service's own terms. */
export interface UpstreamErrorInfo {
  readonly message: string;
  readonly details?: readonly { readonly field?: string; readonly message: string }[] | undefined;
  /** A service-specific error code (FlexStack's `code`, say) that refines the mapping. */
  readonly code?: string | undefined;
  /** The gateway code the service's own error code stands for; wins over the HTTP status. */
  readonly gatewayCode?: ErrorCode | undefined;
}

/**
 * How to speak to one service: its auth header, the headers every call
 * carries, and how to read its error bodies.
 */
export interface ServiceProtocol {
  readonly service: ServiceName;
  /** Headers that carry the credential. */
  authHeaders(token: string): Record<string, string>;
  /** Headers sent on every call (API version, Accept). */
  readonly defaultHeaders?: Readonly<Record<string, string>>;
  /** Reads an error response body (already JSON-decoded when it was JSON, else text). */
  parseError(status: number, body: unknown, headers: ResponseHeaders): UpstreamErrorInfo;
}

/** Observes every upstream call; used for metrics and logs. */
export interface UpstreamObserver {
  onCall(event: {
    readonly service: ServiceName;
    readonly method: HttpMethod;
    readonly route: string;
    readonly status: number | 'timeout' | 'network';
    readonly durationMs: number;
    readonly requestId: string | undefined;
  }): void;
}
