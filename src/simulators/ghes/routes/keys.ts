import type { Router } from '../../core/Router.js';
import { keyJson } from '../serialize.js';
import type { GhesStore } from '../store.js';
import { notFound, originOf, pagedList, sortBy, validationFailed } from './context.js';
import { ghesOperations as ops } from '../../../upstreams/ghes/operations.js';

/** Public keys: `/admin/keys`. */
export function keyRoutes(router: Router, store: GhesStore): void {
  router.on(ops.listPublicKeys, (req) => {
    const sort = req.query.get('sort') ?? 'created';
    const direction = req.query.get('direction') ?? 'desc';
    if (!['created', 'updated', 'accessed'].includes(sort)) validationFailed({ resource: 'PublicKey', code: 'invalid', field: 'sort' });
    if (!['asc', 'desc'].includes(direction)) validationFailed({ resource: 'PublicKey', code: 'invalid', field: 'direction' });
    const since = req.query.get('since');
    const sinceMs = since === null ? null : Date.parse(since);
    if (sinceMs !== null && Number.isNaN(sinceMs)) validationFailed({ resource: 'PublicKey', code: 'invalid', field: 'since' });
    const visible = store.keys.filter((key) => sinceMs === null || (key.lastUsed !== null && Date.parse(key.lastUsed) > sinceMs));
    const sorted = sortBy(visible, (key) => (sort === 'accessed' ? key.lastUsed : key.createdAt), direction);
    return pagedList(req, sorted, (key) => keyJson(originOf(req), key));
  });

  // `key_ids` may name several keys, comma-separated; all must exist.
  router.on(ops.deletePublicKey, (req) => {
    const ids = (req.params['key_ids'] ?? '').split(',').map((part) => part.trim());
    const keys = ids.map((id) => (/^\d+$/.test(id) ? store.keys.find((key) => key.id === Number(id)) : undefined) ?? notFound());
    for (const key of keys) store.keys.splice(store.keys.indexOf(key), 1);
    return { status: 204 };
  });
}
