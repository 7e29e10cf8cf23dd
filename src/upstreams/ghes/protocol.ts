import type { ServiceProtocol } from '../http/types.js';
import { messageOf } from '../http/mapUpstreamError.js';
import { list, obj, str } from '../decode.js';

/**
 * GitHub Enterprise Server REST (`/api/v3`): a site-admin token as a Bearer,
 * the versioned media type and API version on every call. Errors are
 * `{ message, documentation_url }`; 422 adds `errors[{ resource, field, code, message }]`.
 */
export const ghesProtocol: ServiceProtocol = {
  service: 'ghes',
  authHeaders: (token) => ({ authorization: `Bearer ${token}` }),
  defaultHeaders: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
  parseError: (_status, body) => {
    const details = list(obj(body)?.['errors']).map((entry) => {
      const error = obj(entry);
      const field = str(error?.['field']);
      const message = str(error?.['message']) ?? [str(error?.['resource']), field, str(error?.['code'])].filter(Boolean).join(' ');
      return field === null ? { message } : { field, message };
    });
    return { message: messageOf(body), details };
  },
};
