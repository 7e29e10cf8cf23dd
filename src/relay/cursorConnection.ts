import { GatewayError } from '../errors/GatewayError.js';
import { forwardPageSize, type Connection, type ConnectionArgs, type Edge, type UpstreamPage } from './connection.js';
import { decodeOpaque, encodeOpaque } from './cursor.js';

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
  throw new GatewayError('BAD_USER_INPUT', `"${cursor.slice(0, 80)}" is not a valid cursor`);
}

/**
 * A forward connection over an upstream whose pages are read after a cursor
 * it returns, with a page size the client picks (FlexStack's
 * `after`/`limit`/`next_page`). Asks for exactly `first` items; the last edge
 * of a page carries the upstream's own next-page cursor, so paging on with
 * `endCursor` sends that cursor back as it is and re-reads nothing.
 */
export async function connectionFromCursorPages<T>(
  args: ConnectionArgs,
  fetchPage: CursorPageFetcher<T>,
  options: { readonly max?: number } = {},
): Promise<Connection<T>> {
  const first = forwardPageSize(args, options.max);
  const start = args.after != null ? decodePosition(args.after) : null;
  let after = start?.a ?? null;
  let skip = start?.s ?? 0;
  const edges: Edge<T>[] = [];
  let hasNextPage = false;
  // Bounded: an upstream that keeps answering empty pages with a cursor is stopped.
  for (let round = 0; round < 50 && first > 0; round++) {
    const page = await fetchPage(after, first - edges.length + skip);
    const items = page.items;
    let index = skip;
    for (; index < items.length && edges.length < first; index++) {
      const position: Position = index === items.length - 1 && page.next !== null ? { a: page.next, s: 0 } : { a: after, s: index + 1 };
      edges.push({ cursor: encodeOpaque(position), node: items[index] as T });
    }
    if (edges.length >= first) {
      hasNextPage = index < items.length || page.next !== null;
      break;
    }
    if (page.next === null || page.next === after) break;
    after = page.next;
    skip = 0;
  }
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: start !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
