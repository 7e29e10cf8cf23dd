import type { Router } from '../../core/Router.js';
import { hookJson, updatedHookJson } from '../serialize.js';
import { githubTime, type GhesStore, type SimGhesHook } from '../store.js';
import { bodyOf, notFound, numericParam, originOf, pagedList, validationFailed } from './context.js';
import { isJsonObject } from '../../core/isJsonObject.js';
import { ghesOperations as ops } from '../../../upstreams/ghes/operations.js';

/** Events a global webhook may subscribe to. */
export const globalHookEvents = ['user', 'organization', 'repository', 'team', 'member', 'membership', 'enterprise', 'business'];

const defaults = { contentType: 'form', insecureSsl: '0', events: ['user', 'organization'], active: true } as const;

/**
 * Reads a hook body. Every setting not given takes its default, which is
 * what makes PATCH a replacement: GHES resets omitted fields.
 */
function settingsOf(body: Record<string, unknown>): Omit<SimGhesHook, 'id' | 'createdAt' | 'updatedAt'> {
  const config = body['config'];
  if (!isJsonObject(config)) {
    validationFailed({ resource: 'Hook', code: 'missing_field', field: 'config', message: 'config is missing' });
  }
  const settings = config as Record<string, unknown>;
  const url = settings['url'];
  if (typeof url !== 'string' || url.trim() === '') {
    validationFailed({ resource: 'Hook', code: 'custom', field: 'config', message: 'Config must contain url' });
  }
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (parsed === null || !['http:', 'https:'].includes(parsed.protocol)) {
    validationFailed({ resource: 'Hook', code: 'custom', field: 'url', message: `url "${url}" is not a supported URL` });
  }
  const contentType = settings['content_type'] ?? defaults.contentType;
  if (contentType !== 'json' && contentType !== 'form') {
    validationFailed({ resource: 'Hook', code: 'invalid', field: 'content_type', message: 'content_type must be json or form' });
  }
  const insecure = settings['insecure_ssl'] ?? defaults.insecureSsl;
  if (!['0', '1', 0, 1].includes(insecure as string | number)) {
    validationFailed({ resource: 'Hook', code: 'invalid', field: 'insecure_ssl', message: 'insecure_ssl must be "0" or "1"' });
  }
  const secret = settings['secret'];
  if (secret !== undefined && secret !== null && typeof secret !== 'string') {
    validationFailed({ resource: 'Hook', code: 'invalid', field: 'secret' });
  }
  const events = body['events'] ?? defaults.events;
  if (!Array.isArray(events) || events.length === 0) {
    validationFailed({ resource: 'Hook', code: 'invalid', field: 'events', message: 'events must be a non-empty list' });
  }
  for (const event of events) {
    if (typeof event !== 'string' || !globalHookEvents.includes(event)) {
      validationFailed({ resource: 'Hook', code: 'invalid', field: 'events', message: `"${String(event)}" is not a valid event name` });
    }
  }
  const active = body['active'] ?? defaults.active;
  if (typeof active !== 'boolean') validationFailed({ resource: 'Hook', code: 'invalid', field: 'active' });
  return {
    active,
    events: [...new Set(events as string[])],
    config: {
      url,
      contentType,
      insecureSsl: String(insecure) as '0' | '1',
      secret: typeof secret === 'string' && secret !== '' ? secret : null,
    },
  };
}

/** Global webhooks: `/admin/hooks`. */
export function hookRoutes(router: Router, store: GhesStore): void {
  const find = (id: number): SimGhesHook => store.hooks.find((hook) => hook.id === id) ?? notFound();

  router.on(ops.listGlobalWebhooks, (req) => pagedList(req, store.hooks, (hook) => hookJson(originOf(req), hook)));

  router.on(ops.createGlobalWebhook, (req) => {
    const body = bodyOf(req);
    if (body['name'] !== 'web') {
      validationFailed({ resource: 'Hook', code: 'invalid', field: 'name', message: 'name must be "web"' });
    }
    const now = githubTime(Date.now());
    const hook: SimGhesHook = { id: store.takeId('hook'), ...settingsOf(body), createdAt: now, updatedAt: now };
    store.hooks.push(hook);
    return { status: 201, body: hookJson(originOf(req), hook), headers: { location: `${originOf(req)}/api/v3/admin/hooks/${hook.id}` } };
  });

  router.on(ops.getGlobalWebhook, (req) => ({ status: 200, body: hookJson(originOf(req), find(numericParam(req, 'hook_id'))) }));

  router.on(ops.updateGlobalWebhook, (req) => {
    const hook = find(numericParam(req, 'hook_id'));
    Object.assign(hook, settingsOf(bodyOf(req)), { updatedAt: githubTime(Date.now()) });
    return { status: 200, body: updatedHookJson(originOf(req), hook) };
  });

  router.on(ops.deleteGlobalWebhook, (req) => {
    const hook = find(numericParam(req, 'hook_id'));
    store.hooks.splice(store.hooks.indexOf(hook), 1);
    return { status: 204 };
  });

  router.on(ops.pingGlobalWebhook, (req) => {
    const hook = find(numericParam(req, 'hook_id'));
    store.events.push(`ping hook ${hook.id}`);
    return { status: 204 };
  });
}
