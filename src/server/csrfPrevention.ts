import type { IncomingHttpHeaders } from 'node:http';
import { serviceSettings } from '../config/config.js';
import { headerOf } from '../http/headerOf.js';
import { apiKeyHeader } from './auth/ClientAuth.js';

/**
 * Headers any of which, non-empty, makes a request one a browser must
 * preflight, so that Apollo Server's CSRF prevention lets it run (a GET
 * included): Apollo's own two (`x-apollo-operation-name`,
 * `apollo-require-preflight`), every service credential header, the API
 * key and `authorization`. None of them is a CORS-safelisted header, so a
 * page of another origin cannot send them without a preflight, which the
 * gateway answers only for the origins of `CORS_ORIGINS` (see cors.ts). A
 * client that sends its credentials (urql's GET queries, a fetch with
 * `x-api-key`) needs no header of Apollo's beside them.
 */
export const csrfPreventionHeaders: readonly string[] = [
  'x-apollo-operation-name',
  'apollo-require-preflight',
  ...Object.values(serviceSettings).map((names) => names.header),
  apiKeyHeader,
  'authorization',
];

/**
 * Whether Apollo Server's CSRF prevention, configured with
 * {@link csrfPreventionHeaders}, lets a request through: one of those
 * headers is non-empty, or its content type is JSON (Apollo also lets other
 * non-simple types through; this says yes to fewer requests, never more).
 */
export function passesCsrfPrevention(headers: IncomingHttpHeaders): boolean {
  if (csrfPreventionHeaders.some((name) => (headerOf(headers, name) ?? '') !== '')) return true;
  return (headerOf(headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}
