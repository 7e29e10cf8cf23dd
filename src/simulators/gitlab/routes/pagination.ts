import { SimError, type SimRequest, type SimResponse } from '../../core/Simulator.js';
import type { GitLabStore } from '../store.js';
import { pageFrom } from '../../core/paging.js';

/** GitLab's default and largest page sizes. */
export const defaultPerPage = 20;
/** GitLab's largest `per_page`. */
export const maxPerPage = 100;

function perPageOf(req: SimRequest): number {
  const raw = Number(req.query.get('per_page') ?? defaultPerPage);
  if (!Number.isInteger(raw) || raw < 1) return defaultPerPage;
  return Math.min(raw, maxPerPage);
}

/** The absolute URL of this request with some parameters replaced, for `Link`. */
function selfUrl(req: SimRequest, basePath: string, replace: Record<string, string | null>): string {
  const params = new URLSearchParams(req.query);
  for (const [key, value] of Object.entries(replace)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  return `http://${req.headers['host'] ?? 'localhost'}${basePath}${req.path}?${params.toString()}`;
}

/**
 * Offset pagination as GitLab answers it: `x-page`, `x-per-page`,
 * `x-next-page` and `x-prev-page` (empty when there is none), `x-total`,
 * `x-total-pages`, and a `Link` with prev, next, first and last. Past the
 * totals limit the counts and `rel="last"` are left out.
 */
export function offsetPaged<T>(store: GitLabStore, req: SimRequest, basePath: string, items: readonly T[], map: (item: T) => unknown): SimResponse {
  const size = perPageOf(req);
  const requested = Number(req.query.get('page') ?? 1);
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const { items: slice, nextOffset } = pageFrom(items, (page - 1) * size, size);
  const counted = items.length <= store.totalsLimit;
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const next = nextOffset === null ? null : page + 1;
  const prev = page > 1 ? page - 1 : null;
  const link = (p: number, rel: string): string => `<${selfUrl(req, basePath, { page: String(p), per_page: String(size) })}>; rel="${rel}"`;
  const links = [
    ...(prev !== null ? [link(prev, 'prev')] : []),
    ...(next !== null ? [link(next, 'next')] : []),
    link(1, 'first'),
    ...(counted ? [link(totalPages, 'last')] : []),
  ];
  const headers: Record<string, string> = {
    'x-page': String(page),
    'x-per-page': String(size),
    'x-next-page': next === null ? '' : String(next),
    'x-prev-page': prev === null ? '' : String(prev),
    link: links.join(', '),
  };
  if (counted) {
    headers['x-total'] = String(items.length);
    headers['x-total-pages'] = String(totalPages);
  }
  return { status: 200, body: slice.map(map), headers };
}

/**
 * Keyset pagination of `GET /projects` (`pagination=keyset&order_by=id`):
 * rows after (`sort=asc`) or before (`sort=desc`) the `id_after` /
 * `id_before` parameter, and only a `Link: rel="next"` while more follow; no
 * page numbers, no totals.
 */
export function keysetPaged<T extends { readonly id: number }>(req: SimRequest, basePath: string, items: readonly T[], map: (item: T) => unknown): SimResponse {
  const orderBy = req.query.get('order_by') ?? 'id';
  if (orderBy !== 'id') {
    throw new SimError(405, 'keyset', { error: 'Keyset pagination is not yet available for this type of request' });
  }
  const sort = req.query.get('sort') ?? 'desc';
  if (sort !== 'asc' && sort !== 'desc') throw new SimError(400, 'sort', { error: 'sort does not have a valid value' });
  const size = perPageOf(req);
  const after = Number(req.query.get('id_after') ?? Number.NaN);
  const before = Number(req.query.get('id_before') ?? Number.NaN);
  const ordered = [...items]
    .filter((item) => (Number.isNaN(after) || item.id > after) && (Number.isNaN(before) || item.id < before))
    .sort((a, b) => (sort === 'asc' ? a.id - b.id : b.id - a.id));
  const slice = ordered.slice(0, size);
  const last = slice[slice.length - 1];
  const headers: Record<string, string> = {};
  if (ordered.length > size && last !== undefined) {
    const cursor = sort === 'asc' ? { id_after: String(last.id), id_before: null } : { id_before: String(last.id), id_after: null };
    headers['link'] = `<${selfUrl(req, basePath, { ...cursor, per_page: String(size) })}>; rel="next"`;
  }
  return { status: 200, body: slice.map(map), headers };
}
