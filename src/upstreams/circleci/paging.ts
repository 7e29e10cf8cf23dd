import type { UpstreamPage } from '../../relay/connection.js';
import type { WirePage } from './wire.js';

/** Reads CircleCI's `{ items, next_page_token }` into a page. */
export function pageOf<W, M>(body: WirePage<W> | null, map: (wire: W) => M): UpstreamPage<M> {
  const next = body?.next_page_token;
  return { items: (body?.items ?? []).map(map), next: typeof next === 'string' && next !== '' ? next : null };
}
