import { GatewayError } from '../../errors/GatewayError.js';
import type { ErrorCode } from '../../errors/ErrorCode.js';
import { serviceLabels } from '../../config/ServiceName.js';
import type { ResponseHeaders, ServiceProtocol } from './types.js';

/** Seconds until a retry is allowed, from `Retry-After` or a rate-limit reset header. */
export function retryAfterSeconds(headers: ResponseHeaders, now = Date.now()): number | undefined {
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) {
    if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter.trim());
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  const reset = headers['x-ratelimit-reset'] ?? headers['ratelimit-reset'];
  if (reset !== undefined && /^\d+$/.test(reset.trim())) {
    const value = Number(reset.trim());
    // GitHub sends an epoch second; the IETF draft headers send a delta.
    return value > 1_000_000_000 ? Math.max(0, value - Math.floor(now / 1000)) : value;
  }
  return undefined;
}

function codeForStatus(status: number, headers: ResponseHeaders): ErrorCode {
  if (status === 429) return 'RATE_LIMITED';
  if (status === 403 && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined)) {
    return 'RATE_LIMITED';
  }
  switch (status) {
    case 400:
    case 413:
    case 422:
      return 'BAD_USER_INPUT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
    case 410:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 408:
    case 504:
      return 'UPSTREAM_TIMEOUT';
    default:
      return 'UPSTREAM_ERROR';
  }
}

/** Turns a non-2xx upstream response into the gateway's one error class. */
export function mapUpstreamError(
  protocol: ServiceProtocol,
  status: number,
  body: unknown,
  headers: ResponseHeaders,
): GatewayError {
  const info = protocol.parseError(status, body, headers);
  const code = info.gatewayCode ?? codeForStatus(status, headers);
  const label = serviceLabels[protocol.service];
  const message = info.message.trim() === '' ? `HTTP ${status}` : info.message.trim().slice(0, 500);
  return new GatewayError(code, `${label}: ${message}`, {
    service: protocol.service,
    status,
    retryAfter: code === 'RATE_LIMITED' ? (retryAfterSeconds(headers) ?? 60) : undefined,
    details: info.details,
    // Where a status became an error is always here: its stack would say nothing, and costs more than the rest.
    captureStack: false,
  });
}

/** Reads `{ "message": … }`-style bodies, the most common shape, and plain text. */
export function messageOf(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body !== null && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const key of ['message', 'error', 'error_description']) {
      const value = record[key];
      if (typeof value === 'string') return value;
    }
  }
  return '';
}
