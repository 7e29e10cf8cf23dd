import { SimError } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { workflowJson } from '../serialize.js';
import type { CircleCiStore } from '../store.js';
import { userOf } from './context.js';

/** Workflows. */
export function workflowRoutes(router: Router, store: CircleCiStore): void {
  router.get('/workflow/:id', (req) => {
    const user = userOf(store, req);
    const workflow = store.workflows.find((candidate) => candidate.id === req.params['id']);
    if (workflow === undefined || !store.canSee(user, workflow.projectSlug)) throw new SimError(404, 'Workflow not found');
    return { status: 200, body: workflowJson(workflow) };
  });
}
