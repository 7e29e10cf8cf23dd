import { Router } from '../core/Router.js';
import { SimError } from '../core/Simulator.js';
import { deploymentJson } from './serialize.js';
import type { FlexStackStore } from './store.js';
import type { FlexStackWebhookSender } from './webhookSender.js';

/**
 * The FlexStack simulator's run controls, under `/__sim/`, each announced
 * by the webhook FlexStack sends when a target is set:
 * - `POST /projects/:id/deployments` starts a deployment (`in_progress`);
 * - `POST /deployments/:id/status {status}` ends one, `succeeded` or
 *   `failed`; a finished deployment does not change again (409).
 */
export function flexStackRunControls(store: FlexStackStore, webhooks: FlexStackWebhookSender): Router {
  const router = new Router();
  router.post('/projects/:id/deployments', (req) => {
    if (!store.projects.some((project) => project.id === req.params['id'])) throw new SimError(404, `No project ${req.params['id'] ?? ''}`);
    return { status: 201, body: deploymentJson(webhooks.deploy(req.params['id'] ?? '')) };
  });
  router.post('/deployments/:id/status', (req) => {
    const deployment = store.deployments.find((candidate) => candidate.id === req.params['id']);
    if (deployment === undefined) throw new SimError(404, `No deployment ${req.params['id'] ?? ''}`);
    const status = (req.body as { status?: unknown } | undefined)?.status;
    if (status !== 'succeeded' && status !== 'failed') throw new SimError(400, 'status must be succeeded or failed');
    if (deployment.status !== 'in_progress') throw new SimError(409, `Deployment ${deployment.id} already ${deployment.status}`);
    webhooks.finish(deployment, status);
    return { status: 200, body: deploymentJson(deployment) };
  });
  return router;
}
