import type { Router } from '../../core/Router.js';
import type { SimRequest } from '../../core/Simulator.js';
import { list, obj, str } from '../../../upstreams/decode.js';
import { isFlexStackId } from '../../../upstreams/flexstack/ids.js';
import { memberJson } from '../serialize.js';
import type { FlexStackStore, ProjectRole, SimProject } from '../store.js';
import { flexError, idParam, listPage, projectOf } from './context.js';
import { flexStackOperations as ops } from '../../../upstreams/flexstack/operations.js';

const roles: readonly string[] = ['owner', 'contributor', 'viewer'];

function entryOf(req: SimRequest, project: SimProject): SimProject['members'][number] {
  const memberId = idParam(req, 'member_id');
  const entry = project.members.find((candidate) => candidate.personId === memberId);
  if (entry === undefined) throw flexError(404, 'member not found');
  return entry;
}

/** Project members. */
export function memberRoutes(router: Router, store: FlexStackStore): void {
  router.on(ops.listMembers, (req) => {
    const project = projectOf(store, req);
    const role = req.query.get('role');
    if (role !== null && !roles.includes(role)) throw flexError(400, 'invalid role');
    const entries = project.members.filter((entry) => role === null || entry.role === role);
    return listPage(req, entries, (entry) => memberJson(store, project, entry));
  });

  router.on(ops.addMembers, (req) => {
    const project = projectOf(store, req);
    const ids = list(obj(req.body)?.['member_ids']).map((id) => str(id) ?? '');
    if (ids.length < 1 || ids.length > 100) throw flexError(400, 'member_ids must contain between 1 and 100 items');
    for (const id of ids) {
      if (!isFlexStackId(id)) throw flexError(400, 'invalid member id', id);
      const person = store.people.find((candidate) => candidate.id === id && candidate.orgId === project.orgId);
      if (person === undefined) throw flexError(404, 'member not found', id);
      if (project.members.some((entry) => entry.personId === id)) throw flexError(409, 'already a member of this project', id);
    }
    const now = new Date().toISOString();
    const added = ids.map((personId) => ({ personId, role: 'viewer' as ProjectRole, createdAt: now }));
    project.members.push(...added);
    return { status: 201, body: added.map((entry) => memberJson(store, project, entry)) };
  });

  router.on(ops.getMember, (req) => {
    const project = projectOf(store, req);
    return { status: 200, body: memberJson(store, project, entryOf(req, project)) };
  });

  router.on(ops.updateMember, (req) => {
    const project = projectOf(store, req);
    const entry = entryOf(req, project);
    const role = str(obj(req.body)?.['role']);
    if (role === null || !roles.includes(role)) throw flexError(400, 'invalid role', 'role must be one of owner, contributor, viewer');
    entry.role = role as ProjectRole;
    return { status: 200, body: memberJson(store, project, entry) };
  });

  router.on(ops.removeMember, (req) => {
    const project = projectOf(store, req);
    const entry = entryOf(req, project);
    project.members.splice(project.members.indexOf(entry), 1);
    return { status: 204 };
  });
}
