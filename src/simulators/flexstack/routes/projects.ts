import type { Router } from '../../core/Router.js';
import type { SimRequest } from '../../core/Simulator.js';
import { obj, str } from '../../../upstreams/decode.js';
import { flexStackIconPattern, isFlexStackId } from '../../../upstreams/flexstack/ids.js';
import { projectJson } from '../serialize.js';
import type { FlexStackStore, SimProject } from '../store.js';
import { apiKey, flexError, idParam, listPage, projectOf } from './context.js';
import { flexStackOperations as ops } from '../../../upstreams/flexstack/operations.js';

function checkedFields(req: SimRequest): { name: string; description: string | null; icon: string | null; defaultEnvironmentId: string | null } {
  const body = obj(req.body);
  const name = str(body?.['name']);
  if (name === null || name.trim() === '') throw flexError(400, 'name is required');
  const icon = str(body?.['icon']);
  if (icon !== null && !flexStackIconPattern.test(icon)) throw flexError(400, 'invalid icon', 'icon must match ^(icon|emoji|url):(.+)$');
  const env = str(body?.['default_environment_id']);
  if (env !== null && !isFlexStackId(env)) throw flexError(400, 'invalid default_environment_id');
  return { name, description: str(body?.['description']), icon, defaultEnvironmentId: env };
}

/** Projects: lists, create, get, replace, delete, disconnect. */
export function projectRoutes(router: Router, store: FlexStackStore): void {
  router.on(ops.listProjects, (req) => {
    const orgId = apiKey(store, req).orgIds[0];
    return listPage(req, store.projects.filter((project) => project.orgId === orgId), projectJson);
  });

  router.on(ops.listOrgProjects, (req) => {
    const orgId = idParam(req, 'org_id');
    if (store.orgs.every((org) => org.id !== orgId)) throw flexError(404, 'organization not found');
    if (!apiKey(store, req).orgIds.includes(orgId)) throw flexError(403, 'not a member of this organization');
    return listPage(req, store.projects.filter((project) => project.orgId === orgId), projectJson);
  });

  router.on(ops.createProject, (req) => {
    const fields = checkedFields(req);
    const orgId = apiKey(store, req).orgIds[0] as string;
    if (store.projects.some((project) => project.orgId === orgId && project.name === fields.name)) throw flexError(409, 'a project with this name already exists');
    const project: SimProject = {
      id: store.newId('project'),
      orgId,
      ...fields,
      connectionStatus: 'disconnected',
      createdAt: new Date().toISOString(),
      members: [],
      integrations: [],
    };
    store.projects.push(project);
    return { status: 201, body: projectJson(project) };
  });

  router.on(ops.getProject, (req) => ({ status: 200, body: projectJson(projectOf(store, req)) }));

  router.on(ops.updateProject, (req) => {
    const project = projectOf(store, req);
    Object.assign(project, checkedFields(req));
    return { status: 200, body: projectJson(project) };
  });

  router.on(ops.deleteProject, (req) => {
    const project = projectOf(store, req);
    store.projects.splice(store.projects.indexOf(project), 1);
    return { status: 204 };
  });

  router.on(ops.disconnectProject, (req) => {
    const project = projectOf(store, req);
    if (project.connectionStatus !== 'connected') throw flexError(409, 'project is not connected', `connection_status is ${project.connectionStatus}`);
    project.connectionStatus = 'disconnecting';
    return { status: 204 };
  });
}
