import { SimError } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { projectJson } from '../serialize.js';
import type { GitLabStore, SimProject } from '../store.js';
import { boolParam, intParam, paramError, paramsOf, userOf, validationError, visibleProject, writerOf } from './context.js';
import { keysetPaged, offsetPaged } from './pagination.js';
import { gitLabOperations as ops } from '../../../upstreams/gitlab/operations.js';

const visibilityValues = ['private', 'internal', 'public'] as const;
const nameRule = /^[\p{L}\p{N}\p{Extended_Pictographic}_][\p{L}\p{N}\p{Extended_Pictographic}\p{M}_.+\- ]*$/u;
const pathRule = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;

const offsetOrders: Readonly<Record<string, (project: SimProject) => string | number>> = {
  id: (project) => project.id,
  name: (project) => project.name.toLowerCase(),
  path: (project) => project.path.toLowerCase(),
  created_at: (project) => project.createdAt,
  last_activity_at: (project) => project.lastActivityAt,
  star_count: (project) => project.starCount,
};

/** Projects: list (offset or keyset), get by id or path, create. */
export function projectRoutes(router: Router, store: GitLabStore, basePath: string): void {
  router.on(ops.listProjects, (req) => {
    const user = userOf(store, req);
    const owned = boolParam(req.query.get('owned')) === true;
    const membership = boolParam(req.query.get('membership')) === true;
    const search = req.query.get('search')?.toLowerCase() ?? '';
    const visibility = req.query.get('visibility');
    const projects = store.projects.filter(
      (project) =>
        store.canSee(user, project) &&
        (!owned || (user !== null && store.owns(user, project))) &&
        (!membership || store.accessLevel(user, project) >= 10) &&
        (visibility === null || project.visibility === visibility) &&
        (search === '' || [project.name, project.path, project.description ?? ''].some((text) => text.toLowerCase().includes(search))),
    );
    const map = (project: SimProject): unknown => projectJson(store, project);
    if (req.query.get('pagination') === 'keyset') return keysetPaged(req, basePath, projects, map);
    const orderBy = req.query.get('order_by') ?? 'created_at';
    const key = offsetOrders[orderBy];
    if (key === undefined) throw paramError('order_by does not have a valid value');
    const direction = (req.query.get('sort') ?? 'desc') === 'asc' ? 1 : -1;
    const sorted = [...projects].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return (x < y ? -1 : x > y ? 1 : a.id - b.id) * direction;
    });
    return offsetPaged(store, req, basePath, sorted, map);
  });

  router.on(ops.getProject, (req) => ({ status: 200, body: projectJson(store, visibleProject(store, req)) }));

  router.on(ops.createProject, (req) => {
    const user = writerOf(store, req);
    const params = paramsOf(req);
    const rawName = typeof params['name'] === 'string' ? params['name'].trim() : '';
    const rawPath = typeof params['path'] === 'string' ? params['path'].trim() : '';
    if (rawName === '' && rawPath === '') throw paramError('name, path are missing, at least one parameter must be provided');
    const visibility = params['visibility'] === undefined ? 'private' : String(params['visibility']);
    if (!(visibilityValues as readonly string[]).includes(visibility)) throw paramError('visibility does not have a valid value');
    const namespaceId = intParam(params, 'namespace_id') ?? user.id;
    const namespace = store.namespace(namespaceId);
    if (namespace === undefined) throw new SimError(404, '404 Namespace Not Found');
    const allowed =
      user.admin ||
      (namespace.kind === 'user' ? namespace.ownerId === user.id : (store.groupChainMembers(namespace).get(user.id) ?? 0) >= 40);
    if (!allowed) throw validationError({ namespace: ['is not valid'] });
    const name = rawName !== '' ? rawName : rawPath;
    const path = rawPath !== '' ? rawPath : name.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
    const fields: Record<string, string[]> = {};
    const add = (field: string, message: string): void => {
      (fields[field] ??= []).push(message);
    };
    if (!nameRule.test(name)) {
      add('name', "can contain only letters, digits, emoji, '_', '.', '+', dashes, or spaces. It must start with a letter, digit, emoji, or '_'.");
    }
    if (!pathRule.test(path) || /\.(git|atom)$/.test(path)) {
      add('path', "can contain only letters, digits, '_', '-' and '.'. Cannot start with '-', end in '.git' or end in '.atom'");
    }
    const siblings = store.projects.filter((project) => project.namespaceId === namespace.id);
    if (siblings.some((project) => project.name.toLowerCase() === name.toLowerCase())) add('name', 'has already been taken');
    if (siblings.some((project) => project.path.toLowerCase() === path.toLowerCase())) add('path', 'has already been taken');
    if (Object.keys(fields).length > 0) throw validationError(fields);
    const readme = boolParam(params['initialize_with_readme']) === true;
    const project = store.addProject({
      name,
      path,
      namespaceId: namespace.id,
      description: typeof params['description'] === 'string' ? params['description'] : null,
      visibility: visibility as SimProject['visibility'],
      defaultBranch: typeof params['default_branch'] === 'string' && params['default_branch'] !== '' ? params['default_branch'] : 'main',
      creatorId: user.id,
      createdAt: new Date().toISOString(),
    });
    project.emptyRepo = !readme;
    return { status: 201, body: projectJson(store, project) };
  });
}
