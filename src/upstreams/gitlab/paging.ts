import { forwardPageInfo, forwardPageSize, walkPages, type Connection, type ConnectionArgs, type PageFetcher, type UpstreamPage } from '../../relay/connection.js';
import { decodeCursor, encodeCursor } from '../../relay/cursor.js';
import { int } from '../decode.js';
import { linkUrl } from '../http/linkUrl.js';
import type { ResponseHeaders, UpstreamResponse } from '../http/types.js';

/** GitLab's largest `per_page`. */
export const maxPerPage = 100;

/** A page size GitLab accepts: 1..100. */
export function perPage(size: number): number {
  return Math.min(Math.max(Math.trunc(size), 1), maxPerPage);
}

/** The parameters of a page token that say where a page starts; everything else comes from the query being paged. */
const positionKeys = ['page', 'per_page', 'id_after', 'id_before', 'cursor'] as const;

/** The query of one offset page: its token's position (page and size), or the first page of `size`. */
export function offsetQuery(token: string | null, size: number): Record<string, string | number> {
  return token === null ? { per_page: perPage(size) } : positionOfToken(token);
}

/** The keyset position of a token: where the rows start, whatever page size read them. */
export function keysetPositionOfToken(token: string): Record<string, string> {
  const { id_after: after, id_before: before } = positionOfToken(token);
  return { ...(after === undefined ? {} : { id_after: after }), ...(before === undefined ? {} : { id_before: before }) };
}

/**
 * The position parameters of a page token (a `Link` URL's query, or our own
 * `page=…&per_page=…`). Only these are taken from a token: a cursor is client
 * input, and must not smuggle other parameters (`sudo`, filters) to GitLab.
 */
export function positionOfToken(token: string): Record<string, string> {
  const params = new URLSearchParams(token.startsWith('?') ? token.slice(1) : token);
  const position: Record<string, string> = {};
  for (const key of positionKeys) {
    const value = params.get(key);
    if (value !== null) position[key] = key === 'per_page' ? String(perPage(Number(value) || 1)) : value;
  }
  return position;
}

/**
 * A keyset page: GitLab sends no totals and no `x-next-page` in keyset mode,
 * only a `Link: <…>; rel="next"` while more rows follow. The next URL's query
 * is the token of the next page.
 */
export function keysetPage<W, M>(response: UpstreamResponse<readonly W[] | null>, map: (wire: W) => M): UpstreamPage<M> {
  const next = linkUrl(response.headers['link'], 'next');
  let token: string | null = null;
  if (next !== null) {
    try {
      const query = new URL(next, 'http://gitlab.invalid').search.slice(1);
      token = query === '' ? null : query;
    } catch {
      token = null;
    }
  }
  return { items: listBody(response.body).map(map), next: token };
}

/**
 * An offset page: `x-next-page` (empty on the last page) and `x-per-page`
 * make the next token; `x-total` is the total, absent past 10,000 rows.
 */
export function offsetPage<W, M>(response: UpstreamResponse<readonly W[] | null>, map: (wire: W) => M): UpstreamPage<M> {
  const headers: ResponseHeaders = response.headers;
  const nextPage = int(headers['x-next-page']);
  const size = int(headers['x-per-page']);
  const next = nextPage === null ? null : new URLSearchParams({ page: String(nextPage), ...(size === null ? {} : { per_page: String(size) }) }).toString();
  return { items: listBody(response.body).map(map), next, totalCount: int(headers['x-total']) };
}

function listBody<W>(body: readonly W[] | null): readonly W[] {
  // The operation's response shape has refused anything but a list; no body at all reads as empty.
  return Array.isArray(body) ? body : [];
}

/**
 * A forward connection over GitLab's pages with one upstream call per page,
 * also when paging on: each edge's cursor says where the list resumes after
 * it. On an offset list that is the next page's token on a page's last edge
 * (`page=3&per_page=5`), else its own page's token and how many of its items
 * to skip; on a keyset list (`resumeAfter`) it is the item's own keyset
 * position (`id_after=<its id>`), so no page is ever read twice.
 */
export async function gitLabConnection<T>(
  args: ConnectionArgs,
  fetchPage: PageFetcher<T>,
  options: { readonly resumeAfter?: ((item: T) => string) | undefined } = {},
): Promise<Connection<T>> {
  const first = forwardPageSize(args, maxPerPage);
  const start = args.after == null ? null : decodeCursor(args.after);
  const { resumeAfter } = options;
  const walk = await walkPages(first, { token: start?.token ?? null, skip: start?.index ?? 0 }, fetchPage, (token, index, page) => {
    if (resumeAfter !== undefined) return encodeCursor({ token: resumeAfter(page.items[index] as T), index: 0 });
    const last = index === page.items.length - 1;
    return last && page.next !== null ? encodeCursor({ token: page.next, index: 0 }) : encodeCursor({ token, index: index + 1 });
  });
  return { edges: walk.edges, pageInfo: forwardPageInfo(walk.edges, walk.hasNextPage, start !== null), totalCount: walk.totalCount ?? null };
}
