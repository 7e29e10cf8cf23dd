import type { ServiceProtocol } from '../http/types.js';
import type { ErrorCode } from '../../errors/ErrorCode.js';
import { messageOf } from '../http/mapUpstreamError.js';
import { obj, str } from '../decode.js';

/** What each FlexStack error `code` means for clients, whatever status it came with. */
export const flexStackErrorCodes: Readonly<Record<string, ErrorCode>> = {
  bad_input: 'BAD_USER_INPUT',
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  unauthorized: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  timeout: 'UPSTREAM_TIMEOUT',
  conflict: 'CONFLICT',
  rate: 'RATE_LIMITED',
  internal: 'UPSTREAM_ERROR',
  not_implemented: 'UPSTREAM_ERROR',
};

/**
 * FlexStack: `X-API-Key`. Errors are `{ code, message, cause? }` with codes
 * bad_input, unauthenticated, forbidden, unauthorized, not_found, timeout,
 * conflict, rate, internal, not_implemented; the code decides the mapping.
 */
export const flexStackProtocol: ServiceProtocol = {
  service: 'flexstack',
  authHeaders: (token) => ({ 'x-api-key': token }),
  parseError: (_status, body) => {
    const record = obj(body);
    const cause = str(record?.['cause']);
    const message = messageOf(body);
    const code = str(record?.['code']) ?? undefined;
    return {
      message: cause === null ? message : `${message} (${cause})`,
      code,
      gatewayCode: code === undefined ? undefined : flexStackErrorCodes[code],
    };
  },
};
