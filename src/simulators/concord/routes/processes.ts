import { SimError } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { processJson } from '../serialize.js';
import type { ConcordStore } from '../store.js';
import { validationError } from './context.js';
import { concordOperations as ops } from '../../../upstreams/concord/operations.js';

/** Processes (`ProcessResourceV2`): a list filtered by organization and project, newest first, and one by its id. */
export function processRoutes(router: Router, store: ConcordStore): void {
  router.on(ops.listProcesses, (req) => {
    const orgName = req.query.get('orgName');
    const projectName = req.query.get('projectName');
    if (projectName !== null && orgName === null) throw validationError([{ id: 'orgName', message: "'orgName' or 'orgId' is required" }]);
    const org = orgName === null ? undefined : store.orgByName(orgName);
    if (orgName !== null && org === undefined) throw new SimError(404, `Organization not found: ${orgName}`);
    const project = projectName === null || org === undefined ? undefined : store.projectIn(org.id, projectName);
    if (projectName !== null && project === undefined) throw new SimError(404, `Project not found: ${projectName}`);
    const inOrg = new Set(store.projects.filter((p) => org === undefined || p.orgId === org.id).map((p) => p.id));
    const processes = store.processes
      .filter((process) => (project === undefined ? inOrg.has(process.projectId) : process.projectId === project.id))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const offset = Math.max(0, Number(req.query.get('offset') ?? 0) || 0);
    const limit = Number(req.query.get('limit') ?? 0) || 30;
    return { status: 200, body: processes.slice(offset, offset + limit).map((process) => processJson(store, process)) };
  });

  router.on(ops.getProcess, (req) => {
    const process = store.processes.find((candidate) => candidate.instanceId === req.params['instanceId']);
    if (process === undefined) throw new SimError(404, `Process instance not found: ${req.params['instanceId'] ?? ''}`);
    return { status: 200, body: processJson(store, process) };
  });
}
