import { SimError } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { envVarJson } from '../serializeProjectExtras.js';
import type { CircleCiStore } from '../store.js';
import { itemsPage, visibleProject } from './context.js';
import { bodyObject } from './lookup.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

/** Project environment variables; values only ever leave masked. */
export function envVarRoutes(router: Router, store: CircleCiStore): void {
  router.on(ops.listEnvVars, (req) => {
    const project = visibleProject(store, req, req.params['project-slug'] ?? '');
    return itemsPage(req, store.envVars.filter((envVar) => envVar.projectSlug === project.slug), envVarJson);
  });

  router.on(ops.createEnvVar, (req) => {
    const project = visibleProject(store, req, req.params['project-slug'] ?? '');
    const body = bodyObject(req);
    const name = body['name'];
    const value = body['value'];
    if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new SimError(400, 'Invalid environment variable name.');
    if (typeof value !== 'string') throw new SimError(400, 'value must be a string');
    // Creating an existing name replaces its value, as CircleCI does.
    const existing = store.envVars.find((envVar) => envVar.projectSlug === project.slug && envVar.name === name);
    const envVar = existing ?? { projectSlug: project.slug, name, value, createdAt: null };
    envVar.value = value;
    envVar.createdAt = new Date().toISOString();
    if (existing === undefined) store.envVars.push(envVar);
    return { status: 201, body: envVarJson(envVar) };
  });

  router.on(ops.getEnvVar, (req) => {
    const project = visibleProject(store, req, req.params['project-slug'] ?? '');
    const envVar = store.envVars.find((candidate) => candidate.projectSlug === project.slug && candidate.name === req.params['name']);
    if (envVar === undefined) throw new SimError(404, 'Environment variable not found.');
    return { status: 200, body: envVarJson(envVar) };
  });

  router.on(ops.deleteEnvVar, (req) => {
    const project = visibleProject(store, req, req.params['project-slug'] ?? '');
    const index = store.envVars.findIndex((candidate) => candidate.projectSlug === project.slug && candidate.name === req.params['name']);
    if (index < 0) throw new SimError(404, 'Environment variable not found.');
    store.envVars.splice(index, 1);
    return { status: 200, body: { message: 'Environment variable deleted.' } };
  });
}
