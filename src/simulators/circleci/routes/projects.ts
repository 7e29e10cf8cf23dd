import type { Router } from '../../core/Router.js';
import { projectJson } from '../serialize.js';
import type { CircleCiStore } from '../store.js';
import { visibleProject } from './context.js';

/** Projects. */
export function projectRoutes(router: Router, store: CircleCiStore): void {
  router.get('/project/:slug{3}', (req) => ({ status: 200, body: projectJson(store, visibleProject(store, req, req.params['slug'] ?? '')) }));
}
