import { forwardPageInfo, forwardPageSize, walkPages, type Connection, type ConnectionArgs, type UpstreamPage } from './connection.js';
import { decodeOpaque, encodeOpaque, invalidCursor } from './cursor.js';

/**
 * Fetches the page after an upstream cursor (null for the first page) with
 * a page size the caller chooses.
 */
export type CursorPageFetcher<T> = (after: string | null, limit: number) => Promise<UpstreamPage<T>>;

/** Where to resume: the upstream cursor to read after, and how many of its items to skip. */
interface Position {
  readonly a: string | null;
  readonly s: number;
}

function decodePosition(cursor: string): Position {
  const value = decodeOpaque(cursor) as Partial<Position> | null;
  if (
    value !== null &&
    typeof value === 'object' &&
    (value.a === null || typeof value.a === 'string') &&
    Number.isInteger(value.s) &&
    (value.s as number) >= 0
  ) {
    return { a: value.a, s: value.s as number };
  }
  throw invalidCursor(cursor);
}

/**
 * A forward connection over an upstream whose pages are read after a cursor
 * it returns, with a page size the client picks (FlexStack's
 * `after`/`limit`/`next_page`). Asks for exactly `first` items; the last edge
 * of a page carries the upstream's own next-page cursor, so paging on with
 * `endCursor` sends that cursor back as it is and re-reads nothing. Use it
 * over `connectionFromPages` where the upstream's cursor is all a resume
 * needs.
 */
export async function connectionFromCursorPages<T>(
  args: ConnectionArgs,
  fetchPage: CursorPageFetcher<T>,
  options: { readonly max?: number } = {},
): Promise<Connection<T>> {
  const first = forwardPageSize(args, options.max);
  const start = args.after != null ? decodePosition(args.after) : null;
  const walk =
    first === 0
      ? { edges: [], hasNextPage: false }
      : await walkPages(first, { token: start?.a ?? null, skip: start?.s ?? 0 }, fetchPage, (after, index, page) =>
          // The last edge of a page carries the upstream's next-page cursor.
          encodeOpaque(index === page.items.length - 1 && page.next !== null ? { a: page.next, s: 0 } : { a: after, s: index + 1 }),
        );
  return { edges: walk.edges, pageInfo: forwardPageInfo(walk.edges, walk.hasNextPage, start !== null) };
}
