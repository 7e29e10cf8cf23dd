import type { ServiceProtocol } from '../http/types.js';
import { messageOf } from '../http/mapUpstreamError.js';
import { obj, str } from '../decode.js';

/**
 * Concord: the API key itself in `Authorization`. Errors are plain text
 * (`Project not found: x`), or a JSON list of `{ id, message }` validation errors.
 */
export const concordProtocol: ServiceProtocol = {
  service: 'concord',
  authHeaders: (token) => ({ authorization: token }),
  parseError: (_status, body) => {
    if (Array.isArray(body)) {
      const details = body.map((entry) => {
        const error = obj(entry);
        const field = str(error?.['id']);
        const message = str(error?.['message']) ?? 'invalid';
        return field === null ? { message } : { field, message };
      });
      return { message: details.map((detail) => detail.message).join('; '), details };
    }
    return { message: messageOf(body) };
  },
};
