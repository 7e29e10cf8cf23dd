import { SimError, type SimRequest } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { obj, str } from '../../../upstreams/decode.js';
import { projectJson } from '../serialize.js';
import type { ConcordStore, SimOrg, SimProject } from '../store.js';
import { assertCanWrite, jsonBodyOf, orgOf, projectOf, userOf, validationError } from './context.js';
import { concordOperations as ops } from '../../../upstreams/concord/operations.js';
import { concordKeyPattern as namePattern } from '../../../upstreams/concord/names.js';

const visibilities = ['PUBLIC', 'PRIVATE'];

function validate(body: Readonly<Record<string, unknown>>): void {
  const errors: { id: string; message: string }[] = [];
  const name = str(body['name']);
  if (name !== null && !namePattern.test(name)) errors.push({ id: 'createOrUpdate.arg1.name', message: `must match "${namePattern.source}"` });
  const description = str(body['description']);
  if (description !== null && description.length > 1024) errors.push({ id: 'createOrUpdate.arg1.description', message: 'size must be between 0 and 1024' });
  const visibility = body['visibility'];
  if (visibility != null && !visibilities.includes(String(visibility))) errors.push({ id: 'createOrUpdate.arg1.visibility', message: 'must be PUBLIC or PRIVATE' });
  if (errors.length > 0) throw validationError(errors);
}

/**
 * Copies the non-null fields of a write onto a project: Concord changes only
 * what is sent, except `rawPayloadMode` on an update (below).
 */
function apply(project: SimProject, body: Readonly<Record<string, unknown>>): void {
  const text = (key: string): string | null => str(body[key]);
  if (text('description') !== null) project.description = text('description') as string;
  if (text('visibility') !== null) project.visibility = text('visibility') as SimProject['visibility'];
  for (const key of ['rawPayloadMode', 'outVariablesMode', 'processExecMode'] as const) {
    const value = text(key);
    if (value !== null) project[key] = value;
  }
  const meta = obj(body['meta']);
  if (meta !== null) project.meta = { ...meta };
  const cfg = obj(body['cfg']);
  if (cfg !== null) project.cfg = structuredClone(cfg) as Record<string, unknown>;
}

function targetOrg(store: ConcordStore, body: Readonly<Record<string, unknown>>): SimOrg | null {
  const orgName = str(body['orgName']);
  const orgId = str(body['orgId']);
  if (orgName !== null) {
    const org = store.orgByName(orgName);
    if (org === undefined) throw new SimError(404, `Organization not found: ${orgName}`);
    return org;
  }
  if (orgId !== null) {
    const org = store.orgById(orgId);
    if (org === undefined) throw new SimError(404, `Organization not found: ${orgId}`);
    return org;
  }
  return null;
}

function createOrUpdate(store: ConcordStore, req: SimRequest): { status: number; body: unknown } {
  const org = orgOf(store, req);
  const body = obj(jsonBodyOf(req));
  if (body === null) throw validationError([{ id: 'createOrUpdate.arg1', message: 'must not be null' }]);
  validate(body);
  assertCanWrite(store, req, `projects in ${org.name}`);
  const id = str(body['id']);
  const name = str(body['name']);
  let project: SimProject | undefined;
  if (id !== null) {
    project = store.projects.find((candidate) => candidate.id === id);
    if (project === undefined) throw new SimError(404, `Project not found: ${id}`);
  } else if (name !== null) {
    project = store.projectIn(org.id, name);
  } else {
    throw validationError([{ id: 'createOrUpdate.arg1.name', message: 'must not be null' }]);
  }
  if (project === undefined) {
    const created: SimProject = {
      id: store.newId(),
      name: name as string,
      orgId: org.id,
      visibility: 'PUBLIC',
      ownerId: userOf(store, req).id,
      rawPayloadMode: 'DISABLED',
      outVariablesMode: 'DISABLED',
      processExecMode: 'READERS',
      cfg: {},
      createdAt: new Date().toISOString(),
      access: new Map(),
    };
    apply(created, body);
    store.projects.push(created);
    return { status: 200, body: { ok: true, id: created.id, result: 'CREATED' } };
  }
  const target = targetOrg(store, body) ?? store.orgById(project.orgId);
  const newName = name ?? project.name;
  const clash = target === undefined ? undefined : store.projectIn(target.id, newName);
  if (clash !== undefined && clash !== project) throw new SimError(409, `Project already exists: ${newName}`);
  project.name = newName;
  if (target !== undefined) project.orgId = target.id;
  apply(project, body);
  // ProjectManager.update: "if (entry.getRawPayloadMode() == null) rawPayloadMode = RawPayloadMode.ORG_MEMBERS".
  if (str(body['rawPayloadMode']) === null) project.rawPayloadMode = 'ORG_MEMBERS';
  return { status: 200, body: { ok: true, id: project.id, result: 'UPDATED' } };
}

/** Projects: list, get (v2), create-or-update-or-move, delete. */
export function projectRoutes(router: Router, store: ConcordStore): void {
  router.on(ops.findProjects, (req) => {
    const org = orgOf(store, req);
    const filter = req.query.get('filter');
    const offset = Math.max(0, Number(req.query.get('offset') ?? 0) || 0);
    const limit = Number(req.query.get('limit') ?? 0) || 0;
    const projects = store.projects
      .filter((project) => project.orgId === org.id && (filter === null || filter === '' || project.name.includes(filter)))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const page = limit > 0 ? projects.slice(offset, offset + limit) : projects.slice(offset);
    return { status: 200, body: page.map((project) => projectJson(store, project)) };
  });

  router.on(ops.getProject, (req) => ({ status: 200, body: projectJson(store, projectOf(store, req).project) }));

  router.on(ops.createOrUpdateProject, (req) => createOrUpdate(store, req));

  router.on(ops.deleteProject, (req) => {
    const { org, project } = projectOf(store, req);
    assertCanWrite(store, req, `projects in ${org.name}`);
    store.projects.splice(store.projects.indexOf(project), 1);
    return { status: 200, body: { ok: true, result: 'DELETED' } };
  });
}
