import type { ServiceProtocol } from '../http/types.js';
import { messageOf } from '../http/mapUpstreamError.js';
import { obj } from '../decode.js';

/**
 * GitLab REST v4: `PRIVATE-TOKEN`. Errors are `{ "message": "…" }`,
 * `{ "message": { "field": ["…"] } }` for validation, or `{ "error": "…" }`.
 */
export const gitLabProtocol: ServiceProtocol = {
  service: 'gitlab',
  authHeaders: (token) => ({ 'private-token': token }),
  parseError: (_status, body) => {
    const message = obj(body)?.['message'];
    const fields = obj(message);
    if (fields !== null) {
      const details = Object.entries(fields).flatMap(([field, messages]) =>
        (Array.isArray(messages) ? messages : [messages]).map((text) => ({ field, message: `${field} ${String(text)}` })),
      );
      return { message: details.map((detail) => detail.message).join('; '), details };
    }
    return { message: messageOf(body) };
  },
};
