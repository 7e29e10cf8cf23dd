import type { ServiceProtocol } from '../http/types.js';
import { messageOf } from '../http/mapUpstreamError.js';

/**
 * CircleCI API v2: a personal token in `Circle-Token`; errors are
 * `{ "message" }`, or `{ "error" }` on some newer endpoints.
 */
export const circleCiProtocol: ServiceProtocol = {
  service: 'circleci',
  authHeaders: (token) => ({ 'circle-token': token }),
  parseError: (_status, body) => ({ message: messageOf(body) }),
};
