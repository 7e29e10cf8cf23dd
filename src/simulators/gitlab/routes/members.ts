import { SimError } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { memberJson } from '../serialize.js';
import { projectMemberLevels, type GitLabStore, type SimMember } from '../store.js';
import { intParam, paramError, paramsOf, requireLevel, validationError, visibleProject, writerOf } from './context.js';
import { offsetPaged } from './pagination.js';
import { gitLabOperations as ops } from '../../../upstreams/gitlab/operations.js';

function accessLevelOf(params: Record<string, unknown>): number {
  const level = intParam(params, 'access_level');
  if (level === null) throw paramError('access_level is missing');
  if (!projectMemberLevels.includes(level)) throw paramError('access_level does not have a valid value');
  return level;
}

function expiryOf(params: Record<string, unknown>): string | null | undefined {
  const value = params['expires_at'];
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  const text = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) throw paramError('expires_at is invalid');
  if (text <= new Date().toISOString().slice(0, 10)) throw validationError({ expires_at: ['cannot be a date in the past'] });
  return text;
}

/** Direct project members: list, get, add, edit, remove. */
export function memberRoutes(router: Router, store: GitLabStore, basePath: string): void {
  const find = (projectId: number, userIdText: string | undefined): SimMember => {
    const member = store.member(projectId, Number(userIdText));
    if (member === undefined) throw new SimError(404, '404 Not found');
    return member;
  };

  router.on(ops.listProjectMembers, (req) => {
    const project = visibleProject(store, req);
    const query = req.query.get('query')?.toLowerCase() ?? '';
    const members = store.members.filter((member) => {
      if (member.projectId !== project.id) return false;
      if (query === '') return true;
      const user = store.users.find((candidate) => candidate.id === member.userId);
      return user !== undefined && (user.name.toLowerCase().includes(query) || user.username.toLowerCase().includes(query));
    });
    return offsetPaged(store, req, basePath, members, (member) => memberJson(store, member));
  });

  router.on(ops.getProjectMember, (req) => {
    const project = visibleProject(store, req);
    return { status: 200, body: memberJson(store, find(project.id, req.params['user_id'])) };
  });

  router.on(ops.addProjectMember, (req) => {
    const user = writerOf(store, req);
    const project = visibleProject(store, req);
    requireLevel(store, user, project, 40);
    const params = paramsOf(req);
    const userId = intParam(params, 'user_id');
    if (userId === null) throw paramError('user_id is missing');
    const level = accessLevelOf(params);
    const expiresAt = expiryOf(params);
    // Only owners may make owners.
    if (level === 50) requireLevel(store, user, project, 50);
    if (store.users.find((candidate) => candidate.id === userId) === undefined) throw new SimError(404, '404 User Not Found');
    if (store.member(project.id, userId) !== undefined) throw new SimError(409, 'Member already exists');
    const member: SimMember = {
      projectId: project.id,
      userId,
      accessLevel: level,
      expiresAt: expiresAt ?? null,
      createdAt: new Date().toISOString(),
      createdById: user.id,
    };
    store.members.push(member);
    return { status: 201, body: memberJson(store, member) };
  });

  router.on(ops.editProjectMember, (req) => {
    const user = writerOf(store, req);
    const project = visibleProject(store, req);
    requireLevel(store, user, project, 40);
    const member = find(project.id, req.params['user_id']);
    const params = paramsOf(req);
    const level = accessLevelOf(params);
    const expiresAt = expiryOf(params);
    if (level === 50 || member.accessLevel === 50) requireLevel(store, user, project, 50);
    member.accessLevel = level;
    if (expiresAt !== undefined) member.expiresAt = expiresAt;
    return { status: 200, body: memberJson(store, member) };
  });

  router.on(ops.removeProjectMember, (req) => {
    const user = writerOf(store, req);
    const project = visibleProject(store, req);
    const member = find(project.id, req.params['user_id']);
    // Members may leave; removing others takes Maintainer.
    if (member.userId !== user.id) requireLevel(store, user, project, member.accessLevel === 50 ? 50 : 40);
    store.members.splice(store.members.indexOf(member), 1);
    return { status: 204 };
  });
}
