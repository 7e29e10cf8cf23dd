import { connectionFromPages, forwardPageSize, type Connection, type ConnectionArgs, type UpstreamPage } from '../../relay/connection.js';
import { decodeCursor } from '../../relay/cursor.js';
import { firstPageToken, pageRefOf, pageToken, type GhesPageRef } from './paging.js';

/**
 * A connection over a GHES list. Page 1 is sized from `first`; every cursor
 * holds its page number and that page size, so it keeps pointing at the same
 * rows whatever `first` the next request asks for.
 */
export function ghesConnection<T>(args: ConnectionArgs, fetchPage: (ref: GhesPageRef) => Promise<UpstreamPage<T>>): Promise<Connection<T>> {
  const first = forwardPageSize(args);
  const start = args.after != null ? decodeCursor(args.after) : null;
  let firstRound = true;
  return connectionFromPages(
    args,
    async (token) => {
      const ref = pageRefOf(token, first);
      const resumesOnNextPage = firstRound && start !== null && start.index + 1 >= ref.perPage;
      firstRound = false;
      // A cursor on the last row of its page: the rows go on at the next
      // page, so that page is asked for without reading this one again.
      if (resumesOnNextPage) return { items: [], next: pageToken({ page: ref.page + 1, perPage: ref.perPage }) };
      return fetchPage(ref);
    },
    { initialToken: firstPageToken(first) },
  );
}
