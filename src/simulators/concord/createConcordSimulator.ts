import { Router } from '../core/Router.js';
import { Simulator } from '../core/Simulator.js';
import { ConcordStore } from './store.js';
import { accessRoutes } from './routes/access.js';
import { cfgRoutes } from './routes/cfg.js';
import { apiKeyOf, validationContentType } from './routes/context.js';
import { processRoutes } from './routes/processes.js';
import { projectRoutes } from './routes/projects.js';
import { concordRunControls } from './runControls.js';
import { teamRoutes } from './routes/teams.js';

/** How the Concord simulator is started. */
export interface ConcordSimulatorOptions {
  readonly seed?: number | undefined;
}

/** The Concord simulator and its data. */
export interface ConcordSimulator {
  readonly simulator: Simulator;
  readonly store: ConcordStore;
}

/**
 * A simulator of Concord's project and team API under `/api`: the API key in
 * `Authorization`, offset/limit lists, `{ ok, id, result }` write answers,
 * plain-text errors and `[{ id, message }]` validation errors. Concord sends
 * no rate-limit headers, so a spent quota is a bare 429.
 */
export function createConcordSimulator(options: ConcordSimulatorOptions = {}): ConcordSimulator {
  const store = new ConcordStore({ seed: options.seed });
  const router = new Router();
  accessRoutes(router, store);
  cfgRoutes(router, store);
  projectRoutes(router, store);
  processRoutes(router, store);
  teamRoutes(router, store);
  const simulator = new Simulator({
    name: 'concord',
    basePath: '/api',
    router,
    authenticate: (req) => {
      const key = apiKeyOf(req);
      return key !== undefined && store.userByKey(key) !== undefined ? null : { status: 401, text: 'Authentication required' };
    },
    errorResponse: (status, message, extra) => {
      const validation = extra?.['validation'];
      return validation !== undefined
        ? { status, body: validation, headers: { 'content-type': validationContentType } }
        : { status, text: message };
    },
    rateLimited: () => ({ status: 429, text: 'Too many requests' }),
    credentialOf: (req) => apiKeyOf(req) ?? '',
    controls: concordRunControls(store),
  });
  return { simulator, store };
}
