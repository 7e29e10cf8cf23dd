import type { ServiceProtocol } from '../http/types.js';
import { messageOf } from '../http/mapUpstreamError.js';
import { obj, str } from '../decode.js';

/**
 * FlexStack: `X-API-Key`. Errors are `{ code, message, cause? }` with codes
 * bad_input, unauthenticated, forbidden, unauthorized, not_found, timeout,
 * conflict, rate, internal, not_implemented.
 */
export const flexStackProtocol: ServiceProtocol = {
  service: 'flexstack',
  authHeaders: (token) => ({ 'x-api-key': token }),
  parseError: (_status, body) => {
    const record = obj(body);
    const cause = str(record?.['cause']);
    const message = messageOf(body);
    return { message: cause === null ? message : `${message} (${cause})`, code: str(record?.['code']) ?? undefined };
  },
};
