import { SimError } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { hookJson } from '../serialize.js';
import { hookFlags, type GitLabStore, type SimHook, type SimHookFlag } from '../store.js';
import { boolParam, paramError, paramsOf, requireLevel, userOf, validationError, visibleProject, writerOf } from './context.js';
import { offsetPaged } from './pagination.js';
import { gitLabOperations as ops } from '../../../upstreams/gitlab/operations.js';

function checkUrl(url: string): void {
  let parsed: URL | null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (parsed === null) throw validationError({ url: ['must be a valid URL'] });
  if (!['http:', 'https:'].includes(parsed.protocol)) throw validationError({ url: ['is blocked: Only allowed schemes are http, https'] });
}

/** Applies the optional hook parameters that a request sets. */
function applyOptions(hook: SimHook, params: Record<string, unknown>): void {
  for (const flag of hookFlags) {
    const value = boolParam(params[flag]);
    if (value !== undefined) hook.flags[flag] = value;
  }
  const ssl = boolParam(params['enable_ssl_verification']);
  if (ssl !== undefined) hook.enableSslVerification = ssl;
  if (typeof params['token'] === 'string') hook.token = params['token'];
  if (typeof params['name'] === 'string') hook.name = params['name'];
  if (typeof params['description'] === 'string') hook.description = params['description'];
  if (typeof params['push_events_branch_filter'] === 'string') hook.pushEventsBranchFilter = params['push_events_branch_filter'];
}

/** Project hooks: list, get, add, edit, delete. Each takes Maintainer. */
export function hookRoutes(router: Router, store: GitLabStore, basePath: string): void {
  const find = (projectId: number, hookIdText: string | undefined): SimHook => {
    const hook = store.hooks.find((candidate) => candidate.projectId === projectId && candidate.id === Number(hookIdText));
    if (hook === undefined) throw new SimError(404, '404 Not found');
    return hook;
  };

  router.on(ops.listProjectHooks, (req) => {
    const project = visibleProject(store, req);
    requireLevel(store, userOf(store, req), project, 40);
    return offsetPaged(store, req, basePath, store.hooks.filter((hook) => hook.projectId === project.id), hookJson);
  });

  router.on(ops.getProjectHook, (req) => {
    const project = visibleProject(store, req);
    requireLevel(store, userOf(store, req), project, 40);
    return { status: 200, body: hookJson(find(project.id, req.params['hook_id'])) };
  });

  router.on(ops.addProjectHook, (req) => {
    const user = writerOf(store, req);
    const project = visibleProject(store, req);
    requireLevel(store, user, project, 40);
    const params = paramsOf(req);
    if (typeof params['url'] !== 'string' || params['url'] === '') throw paramError('url is missing');
    checkUrl(params['url']);
    // New hooks subscribe to pushes unless told otherwise.
    const defaults: SimHookFlag[] = boolParam(params['push_events']) === false ? [] : ['push_events'];
    const hook = store.addHook(project.id, { url: params['url'], token: null, flags: defaults }, new Date().toISOString());
    applyOptions(hook, params);
    return { status: 201, body: hookJson(hook) };
  });

  router.on(ops.editProjectHook, (req) => {
    const user = writerOf(store, req);
    const project = visibleProject(store, req);
    requireLevel(store, user, project, 40);
    const hook = find(project.id, req.params['hook_id']);
    const params = paramsOf(req);
    // `requires :url` on the edit as on the add (lib/api/project_hooks.rb): Grape answers 400 without it.
    if (params['url'] === undefined || params['url'] === null) throw paramError('url is missing');
    if (typeof params['url'] !== 'string' || params['url'] === '') throw paramError('url is empty');
    checkUrl(params['url']);
    // A new URL resets the secret token unless one is sent with it (doc/api/project_webhooks.md).
    if (params['url'] !== hook.url) hook.token = null;
    hook.url = params['url'];
    applyOptions(hook, params);
    return { status: 200, body: hookJson(hook) };
  });

  router.on(ops.deleteProjectHook, (req) => {
    const user = writerOf(store, req);
    const project = visibleProject(store, req);
    requireLevel(store, user, project, 40);
    const hook = find(project.id, req.params['hook_id']);
    store.hooks.splice(store.hooks.indexOf(hook), 1);
    return { status: 204 };
  });
}
