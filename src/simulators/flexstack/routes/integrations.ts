import type { Router } from '../../core/Router.js';
import type { SimRequest } from '../../core/Simulator.js';
import { bool, obj, str } from '../../../upstreams/decode.js';
import { integrationJson } from '../serialize.js';
import { notificationFlags, type FlexStackStore, type SimIntegration, type SimProject } from '../store.js';
import { flexError, idParam, projectOf } from './context.js';
import { flexStackOperations as ops } from '../../../upstreams/flexstack/operations.js';

function flagsOf(value: unknown): Record<string, boolean> {
  const record = obj(value);
  const flags: Record<string, boolean> = {};
  if (record === null) return flags;
  for (const [key, raw] of Object.entries(record)) {
    const flag = bool(raw);
    if (!(notificationFlags as readonly string[]).includes(key) || flag === null) throw flexError(400, `invalid notification flag ${key}`);
    flags[key] = flag;
  }
  return flags;
}

function integrationOf(req: SimRequest, project: SimProject): SimIntegration {
  const id = idParam(req, 'integration_id');
  const integration = project.integrations.find((candidate) => candidate.id === id);
  if (integration === undefined) throw flexError(404, 'integration not found');
  return integration;
}

/** Notification integrations of a project. */
export function integrationRoutes(router: Router, store: FlexStackStore): void {
  router.on(ops.listIntegrations, (req) => {
    const project = projectOf(store, req);
    return { status: 200, body: project.integrations.map((integration) => integrationJson(project, integration)) };
  });

  router.on(ops.createIntegration, (req) => {
    const project = projectOf(store, req);
    const body = obj(req.body);
    if (str(body?.['type']) !== 'webhook') throw flexError(400, 'invalid type', 'type must be webhook');
    const config = obj(body?.['config']);
    if (config === null || str(config['url']) === null) throw flexError(400, 'invalid config', 'config.url is required');
    const integration = store.integration(project, 'webhook', { ...config }, Date.now(), flagsOf(body?.['notifications']));
    project.integrations.push(integration);
    return { status: 201, body: integrationJson(project, integration) };
  });

  router.on(ops.getIntegration, (req) => {
    const project = projectOf(store, req);
    return { status: 200, body: integrationJson(project, integrationOf(req, project)) };
  });

  router.on(ops.updateIntegration, (req) => {
    const project = projectOf(store, req);
    const integration = integrationOf(req, project);
    Object.assign(integration.notifications, flagsOf(obj(req.body)?.['notifications']));
    integration.updatedAt = new Date().toISOString();
    return { status: 200, body: integrationJson(project, integration) };
  });

  router.on(ops.deleteIntegration, (req) => {
    const project = projectOf(store, req);
    project.integrations.splice(project.integrations.indexOf(integrationOf(req, project)), 1);
    return { status: 204 };
  });
}
