/** CircleCI OIDC custom claims as sent. */
export interface WireClaims {
  readonly org_id?: unknown;
  readonly project_id?: unknown;
  readonly audience?: unknown;
  readonly audience_updated_at?: unknown;
  readonly ttl?: unknown;
  readonly ttl_updated_at?: unknown;
}
