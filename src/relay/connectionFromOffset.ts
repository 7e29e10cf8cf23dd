import { forwardPageInfo, forwardPageSize, type Connection, type ConnectionArgs, type Edge } from './connection.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** Reads `limit` items from `offset` of an upstream list that pages by offset and limit. */
export type OffsetFetcher<T> = (offset: number, limit: number) => Promise<readonly T[]>;

/**
 * A forward connection over an upstream that pages by offset/limit and sends
 * no count. One read per connection: `first + 1` items from just after the
 * `after` cursor, the extra item telling whether more follow. Each cursor
 * holds its page's offset (as the page token) and its index, so resuming
 * reads from the exact next item instead of re-reading from the start.
 */
export async function connectionFromOffset<T>(
  args: ConnectionArgs,
  fetchSlice: OffsetFetcher<T>,
  options: { readonly max?: number } = {},
): Promise<Connection<T>> {
  const first = forwardPageSize(args, options.max);
  const position = args.after != null ? decodeCursor(args.after) : null;
  let start = 0;
  if (position !== null) {
    const base = position.token === null ? 0 : Number(position.token);
    start = (Number.isSafeInteger(base) && base >= 0 ? base : 0) + position.index + 1;
  }
  const items = first === 0 ? [] : await fetchSlice(start, first + 1);
  const edges: Edge<T>[] = items.slice(0, first).map((node, index) => ({ cursor: encodeCursor({ token: String(start), index }), node }));
  return { edges, pageInfo: forwardPageInfo(edges, items.length > first, start > 0) };
}
