import { GatewayError } from '../errors/GatewayError.js';
import { decodeCursor, encodeCursor, type PagePosition } from './cursor.js';

/** One node of a connection with its cursor. */
export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

/** Relay `PageInfo`: where a page stands in the whole list. */
export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

/** A Relay connection as resolvers return it. */
export interface Connection<T> {
  readonly edges: readonly Edge<T>[];
  readonly pageInfo: PageInfo;
  readonly totalCount?: number | null;
}

/** The Relay paging arguments every connection field takes. */
export interface ConnectionArgs {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly last?: number | null | undefined;
  readonly before?: string | null | undefined;
}

/** One page of an upstream list, in the service's own terms. */
export interface UpstreamPage<T> {
  readonly items: readonly T[];
  /** The token that fetches the next page, or null on the last page. */
  readonly next: string | null;
  /** The total count, where the service reports it. */
  readonly totalCount?: number | null;
}

/**
 * Fetches one upstream page. `token` is null for the first page; `size` is
 * how many items the caller still wants, for services that take a page size.
 */
export type PageFetcher<T> = (token: string | null, size: number) => Promise<UpstreamPage<T>>;

/** How many edges a connection returns when `first` is not given. */
export const defaultPageSize = 20;
/** The largest `first` a connection accepts unless its builder says otherwise. */
export const maxPageSize = 100;

/** Validates the paging arguments and returns how many edges to return. */
export function forwardPageSize(args: ConnectionArgs, max = maxPageSize): number {
  if (args.last != null || args.before != null) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      'This connection pages forwards only: use first/after, not last/before, because the upstream service cannot page backwards.',
    );
  }
  const first = args.first ?? defaultPageSize;
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw new GatewayError('BAD_USER_INPUT', `first must be between 0 and ${max}, got ${first}`);
  }
  return first;
}

/** What a walk over upstream pages collected. */
export interface PageWalk<T> {
  readonly edges: readonly Edge<T>[];
  readonly hasNextPage: boolean;
  /** The first page's total, where the service reports it. */
  readonly totalCount: number | null | undefined;
}

/** Makes the cursor of the item at `index` of the page read with `token`. */
export type EdgeCursor<T> = (token: string | null, index: number, page: UpstreamPage<T>) => string;

/**
 * The walk every token-paged connection builder shares: reads the page of
 * `token`, skips its first `skip` items, and follows next-page tokens until
 * `first` edges are filled or the list ends. Each page is asked for the
 * items still wanted plus those skipped (at least one). The builders differ
 * only in what their cursors hold ({@link EdgeCursor}).
 */
export async function walkPages<T>(
  first: number,
  from: { readonly token: string | null; readonly skip: number },
  fetchPage: PageFetcher<T>,
  cursorOf: EdgeCursor<T>,
): Promise<PageWalk<T>> {
  let token = from.token;
  let skip = from.skip;
  const edges: Edge<T>[] = [];
  let hasNextPage = false;
  let totalCount: number | null | undefined;
  // A bounded walk: each round consumes one upstream page; an upstream that
  // returns empty pages with a next token forever is stopped after 50 rounds.
  for (let round = 0; round < 50; round++) {
    const page = await fetchPage(token, Math.max(first - edges.length + skip, 1));
    if (totalCount === undefined) totalCount = page.totalCount;
    const items = page.items;
    let index = skip;
    for (; index < items.length && edges.length < first; index++) {
      edges.push({ cursor: cursorOf(token, index, page), node: items[index] as T });
    }
    if (edges.length >= first) {
      hasNextPage = index < items.length || page.next !== null;
      break;
    }
    if (page.next === null || page.next === token) break;
    token = page.next;
    skip = 0;
  }
  return { edges, hasNextPage, totalCount };
}

/** The `pageInfo` of a forward page of edges. */
export function forwardPageInfo(edges: readonly Edge<unknown>[], hasNextPage: boolean, hasPreviousPage: boolean): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
}

/**
 * Builds a forward connection from an upstream's own pagination. Starts at
 * the page the `after` cursor points into and follows next-page tokens until
 * `first` edges are filled or the list ends. Each edge's cursor holds the
 * page token and index, so no upstream list is ever read whole to be sliced.
 *
 * The default builder: use it for any service that pages by a token it
 * returns (a page number, a `Link` URL's query). Resuming re-reads the page
 * the cursor points into; where that costs an upstream call per page, use
 * `connectionFromCursorPages` (the upstream mints a next-page cursor and
 * takes a page size) or `connectionFromOffset` (offset/limit, no count).
 * A list the upstream returns whole: {@link connectionFromList}. Several
 * services in one list: `mergedConnection`.
 */
export async function connectionFromPages<T>(
  args: ConnectionArgs,
  fetchPage: PageFetcher<T>,
  options: {
    readonly max?: number;
    /**
     * The token of the first page, for services whose page tokens hold more
     * than a position (a page number with its page size, say), so that the
     * first page's cursors carry it too.
     */
    readonly initialToken?: string | undefined;
    /**
     * For services with fixed-size pages: the token of the page after the
     * `after` cursor's page when the cursor is that page's last row (null
     * otherwise), so resuming reads the next page without re-reading this one.
     */
    readonly nextPageAfter?: ((position: PagePosition) => string | null) | undefined;
  } = {},
): Promise<Connection<T>> {
  const first = forwardPageSize(args, options.max);
  const start = args.after != null ? decodeCursor(args.after) : null;
  const skipTo = start === null ? null : (options.nextPageAfter?.(start) ?? null);
  const from =
    start === null
      ? { token: options.initialToken ?? null, skip: 0 }
      : skipTo === null
        ? { token: start.token, skip: start.index + 1 }
        : { token: skipTo, skip: 0 };
  const walk = await walkPages(first, from, fetchPage, (token, index) => encodeCursor({ token, index }));
  return {
    edges: walk.edges,
    pageInfo: forwardPageInfo(walk.edges, walk.hasNextPage, start !== null),
    ...(walk.totalCount !== undefined ? { totalCount: walk.totalCount } : {}),
  };
}

/**
 * A connection over a list the upstream returns whole (it takes no page
 * token). Cursors are indexes into that list.
 */
export async function connectionFromList<T>(args: ConnectionArgs, items: readonly T[]): Promise<Connection<T>> {
  return connectionFromPages(args, async () => ({ items, next: null, totalCount: items.length }));
}
