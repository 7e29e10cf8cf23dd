/** The custom claims of an organization's (or one project's) OIDC tokens. */
export interface CircleCiOidcClaimsModel {
  readonly __typename: 'CircleCIOidcClaims';
  readonly orgId: string;
  /** Null for the organization's own claims. */
  readonly projectId: string | null;
  readonly audience: readonly string[] | null;
  readonly audienceUpdatedAt: string | null;
  /** A duration such as `1h` or `30m`. */
  readonly ttl: string | null;
  readonly ttlUpdatedAt: string | null;
}
