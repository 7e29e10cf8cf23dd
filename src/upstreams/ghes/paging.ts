import { GatewayError } from '../../errors/GatewayError.js';
import { connectionFromPages, forwardPageSize, type Connection, type ConnectionArgs, type UpstreamPage } from '../../relay/connection.js';
import { linkUrl } from '../http/linkUrl.js';
import type { ResponseHeaders } from '../http/types.js';

/** GHES's largest `per_page`. */
export const ghesMaxPerPage = 100;

/** One GHES page request: `page` (from 1) and `per_page`. */
export interface GhesPageRef {
  readonly page: number;
  readonly perPage: number;
}

/**
 * The page token kept in a connection cursor: page number and page size
 * together, so a cursor keeps pointing at the same rows whatever `first` the
 * next request asks for.
 */
export function pageToken(ref: GhesPageRef): string {
  return `${ref.page}:${ref.perPage}`;
}

/** The token of page 1, its size chosen from `first` (1..100). */
function firstPageToken(first: number): string {
  return pageToken({ page: 1, perPage: Math.min(Math.max(first, 1), ghesMaxPerPage) });
}

/** Reads a token made by {@link pageToken}; for the first page, sizes the page from `first`. */
export function pageRefOf(token: string | null, first: number): GhesPageRef {
  if (token === null) return { page: 1, perPage: Math.min(Math.max(first, 1), ghesMaxPerPage) };
  const match = /^(\d+):(\d+)$/.exec(token);
  const page = Number(match?.[1]);
  const perPage = Number(match?.[2]);
  if (!match || page < 1 || perPage < 1 || perPage > ghesMaxPerPage) {
    throw new GatewayError('BAD_USER_INPUT', 'The cursor does not point into a GitHub Enterprise Server list');
  }
  return { page, perPage };
}

/**
 * The next page named by an RFC 8288 `Link` header (`<…?page=3&per_page=30>;
 * rel="next"`), or null on the last page.
 */
export function nextPageOf(headers: ResponseHeaders, current: GhesPageRef): GhesPageRef | null {
  const next = linkUrl(headers['link'], 'next');
  if (next === null) return null;
  let url: URL;
  try {
    url = new URL(next, 'http://link.invalid');
  } catch {
    return null;
  }
  const page = Number(url.searchParams.get('page'));
  const perPage = Number(url.searchParams.get('per_page') ?? current.perPage);
  if (!Number.isInteger(page) || page < 1) return null;
  return { page, perPage: Number.isInteger(perPage) && perPage >= 1 ? Math.min(perPage, ghesMaxPerPage) : current.perPage };
}

/**
 * A connection over a GHES list. Page 1 is sized from `first`; every cursor
 * holds its page number and that page size, so it keeps pointing at the same
 * rows whatever `first` the next request asks for.
 */
export function ghesConnection<T>(args: ConnectionArgs, fetchPage: (ref: GhesPageRef) => Promise<UpstreamPage<T>>): Promise<Connection<T>> {
  const first = forwardPageSize(args);
  return connectionFromPages(args, (token) => fetchPage(pageRefOf(token, first)), {
    initialToken: firstPageToken(first),
    // A cursor on the last row of its page: the rows go on at the next page,
    // so that page is asked for without reading this one again.
    nextPageAfter: ({ token, index }) => {
      const ref = pageRefOf(token, first);
      return index + 1 >= ref.perPage ? pageToken({ page: ref.page + 1, perPage: ref.perPage }) : null;
    },
  });
}
