import { forwardPageSize, type Connection, type ConnectionArgs } from './connection.js';

/**
 * The connection of a list a service does not have (a CircleCI project's
 * members, a Concord project's webhooks): no edges, no upstream call. The
 * paging arguments are checked as every connection checks them, so a query
 * that is wrong for one service is wrong for all.
 */
export function emptyConnection(args: ConnectionArgs): Connection<never> & { readonly totalCount: 0 } {
  forwardPageSize(args);
  return {
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount: 0,
  };
}
