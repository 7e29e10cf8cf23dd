import { forwardPageSize, type ConnectionArgs, type PageInfo } from './connection.js';

/** An always-empty connection, named for the interface it is returned as. */
export interface EmptyConnection<Typename extends string> {
  readonly __typename: Typename;
  readonly edges: readonly never[];
  readonly pageInfo: PageInfo;
  readonly totalCount: 0;
}

/**
 * The connection of a list a service does not have (a CircleCI project's
 * members, a Concord project's webhooks): no edges, no upstream call. The
 * paging arguments are checked as every connection checks them, so a query
 * that is wrong for one service is wrong for all.
 */
export function emptyConnection<Typename extends string>(typename: Typename, args: ConnectionArgs): EmptyConnection<Typename> {
  forwardPageSize(args);
  return {
    __typename: typename,
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount: 0,
  };
}
