import { SimError, type SimRequest } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { makeCheckoutKey } from '../seedProjectExtras.js';
import { checkoutKeyJson } from '../serializeProjectExtras.js';
import type { CircleCiStore, SimCheckoutKey } from '../store.js';
import { itemsPage, visibleProject } from './context.js';
import { bodyObject } from './lookup.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

/** The key CircleCI checks out with: the newest user key, else the newest deploy key. */
function preferredOf(keys: readonly SimCheckoutKey[]): SimCheckoutKey | undefined {
  const newest = (type: SimCheckoutKey['type']) => keys.filter((key) => key.type === type).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return newest('github-user-key') ?? newest('deploy-key');
}

function digestOf(req: SimRequest): 'md5' | 'sha256' {
  const digest = req.query.get('digest') ?? 'md5';
  if (digest !== 'md5' && digest !== 'sha256') throw new SimError(400, 'digest must be md5 or sha256');
  return digest;
}

/** Project checkout keys, addressed by md5 or sha256 fingerprint. */
export function checkoutKeyRoutes(router: Router, store: CircleCiStore): void {
  const keysOf = (slug: string) => store.checkoutKeys.filter((key) => key.projectSlug === slug);
  const keyOf = (req: SimRequest) => {
    const project = visibleProject(store, req, req.params['project-slug'] ?? '');
    const fingerprint = req.params['fingerprint'];
    const key = keysOf(project.slug).find((candidate) => candidate.md5 === fingerprint || candidate.sha256 === fingerprint);
    if (key === undefined) throw new SimError(404, 'Checkout key not found.');
    return { key, keys: keysOf(project.slug), digest: fingerprint?.startsWith('SHA256:') === true ? ('sha256' as const) : ('md5' as const) };
  };

  router.on(ops.listCheckoutKeys, (req) => {
    const project = visibleProject(store, req, req.params['project-slug'] ?? '');
    const digest = digestOf(req);
    const keys = keysOf(project.slug);
    const preferred = preferredOf(keys);
    return itemsPage(req, keys, (key) => checkoutKeyJson(key, key === preferred, digest));
  });

  router.on(ops.createCheckoutKey, (req) => {
    const project = visibleProject(store, req, req.params['project-slug'] ?? '');
    const type = bodyObject(req)['type'];
    if (type !== 'user-key' && type !== 'deploy-key') throw new SimError(400, 'type must be user-key or deploy-key');
    if (type === 'user-key' && !project.slug.startsWith('gh/')) throw new SimError(400, 'User keys are only available for GitHub projects.');
    const key = makeCheckoutKey(project.slug, type === 'user-key' ? 'github-user-key' : 'deploy-key', String(store.checkoutKeys.length), new Date().toISOString());
    store.checkoutKeys.push(key);
    return { status: 201, body: checkoutKeyJson(key, preferredOf(keysOf(project.slug)) === key) };
  });

  router.on(ops.getCheckoutKey, (req) => {
    const { key, keys, digest } = keyOf(req);
    return { status: 200, body: checkoutKeyJson(key, preferredOf(keys) === key, digest) };
  });

  router.on(ops.deleteCheckoutKey, (req) => {
    const { key } = keyOf(req);
    store.checkoutKeys.splice(store.checkoutKeys.indexOf(key), 1);
    return { status: 200, body: { message: 'OK' } };
  });
}
