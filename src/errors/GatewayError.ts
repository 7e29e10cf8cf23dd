import { GraphQLError } from 'graphql';
import type { ErrorCode } from './ErrorCode.js';
import type { ServiceName } from '../config/ServiceName.js';

/** What a gateway error carries besides its code and message. */
export interface GatewayErrorOptions {
  /** The upstream service the failure came from, if any. */
  readonly service?: ServiceName | undefined;
  /** The upstream HTTP status, if any. */
  readonly status?: number | undefined;
  /** Seconds to wait before retrying, for `RATE_LIMITED`. */
  readonly retryAfter?: number | undefined;
  /** Field-level validation messages, for `BAD_USER_INPUT`. */
  readonly details?: readonly { readonly field?: string; readonly message: string }[] | undefined;
  /**
   * For an error that refuses a whole request before execution: the HTTP
   * status (and headers) of the answer. Apollo Server reads it and never
   * shows it to the client.
   */
  readonly http?: { readonly status: number; readonly headers?: Readonly<Record<string, string>> } | undefined;
  /** Further public `extensions` fields (a cost limit's estimate and limit, say). */
  readonly extensions?: Readonly<Record<string, unknown>> | undefined;
  readonly cause?: unknown;
  /**
   * False for an error whose stack says nothing (a service's answer mapped
   * to its code, always in the same place): no stack trace is captured,
   * which costs more than the rest of the error, on an answer that is
   * often expected (a project without pipelines answers 403).
   */
  readonly captureStack?: boolean | undefined;
}

/**
 * The one error class of the gateway: a GraphQL error with a stable
 * `extensions.code`, and the service it came from when an upstream failed.
 */
export class GatewayError extends GraphQLError {
  readonly code: ErrorCode;
  readonly service: ServiceName | undefined;
  readonly status: number | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, message: string, options: GatewayErrorOptions = {}) {
    const extensions: Record<string, unknown> = { code };
    if (options.service !== undefined) extensions['service'] = options.service;
    if (options.status !== undefined) extensions['status'] = options.status;
    if (options.retryAfter !== undefined) extensions['retryAfter'] = options.retryAfter;
    if (options.details !== undefined && options.details.length > 0) extensions['details'] = options.details;
    Object.assign(extensions, options.extensions);
    if (options.http !== undefined) extensions['http'] = { status: options.http.status, headers: new Map(Object.entries(options.http.headers ?? {})) };
    const stackTraceLimit = Error.stackTraceLimit;
    if (options.captureStack === false) Error.stackTraceLimit = 0;
    super(message, { extensions, originalError: options.cause instanceof Error ? options.cause : undefined });
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'GatewayError';
    this.code = code;
    this.service = options.service;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
  }
}

/** Shorthand for the most common client error. */
export function badUserInput(message: string, details?: GatewayErrorOptions['details']): GatewayError {
  return new GatewayError('BAD_USER_INPUT', message, { details });
}
