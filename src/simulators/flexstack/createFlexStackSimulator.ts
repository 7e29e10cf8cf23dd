import { Router } from '../core/Router.js';
import { Simulator } from '../core/Simulator.js';
import { FlexStackStore } from './store.js';
import { codeForStatus, keyOf } from './routes/context.js';
import { integrationRoutes } from './routes/integrations.js';
import { memberRoutes } from './routes/members.js';
import { projectRoutes } from './routes/projects.js';

/** How the FlexStack simulator is started. */
export interface FlexStackSimulatorOptions {
  readonly seed?: number | undefined;
}

/** The FlexStack simulator and its data. */
export interface FlexStackSimulator {
  readonly simulator: Simulator;
  readonly store: FlexStackStore;
}

/**
 * A simulator of FlexStack's projects API under `/v1`: `X-API-Key` auth,
 * `{ data, has_more, next_page }` lists with base64 cursors, and
 * `{ code, message, cause? }` errors.
 */
export function createFlexStackSimulator(options: FlexStackSimulatorOptions = {}): FlexStackSimulator {
  const store = new FlexStackStore({ seed: options.seed });
  const router = new Router();
  memberRoutes(router, store);
  integrationRoutes(router, store);
  projectRoutes(router, store);
  const simulator = new Simulator({
    name: 'flexstack',
    basePath: '/v1',
    router,
    authenticate: (req) => {
      const key = keyOf(req);
      if (key !== undefined && store.keyOf(key) !== undefined) return null;
      return { status: 401, body: { code: 'unauthenticated', message: 'missing or invalid API key' } };
    },
    errorResponse: (status, message, extra) => {
      const cause = extra?.['cause'];
      return {
        status,
        body: { code: codeForStatus[status] ?? (status >= 500 ? 'internal' : 'bad_input'), message, ...(typeof cause === 'string' ? { cause } : {}) },
      };
    },
    rateLimited: (retryAfter) => ({
      status: 429,
      body: { code: 'rate', message: 'too many requests' },
      headers: { 'retry-after': String(retryAfter) },
    }),
    credentialOf: (req) => keyOf(req) ?? '',
  });
  return { simulator, store };
}
