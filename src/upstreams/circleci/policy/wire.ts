/** CircleCI config policy responses as sent. Errors on these endpoints are `{ "error" }`. */

/** A CircleCI policy document as the API sends it. */
export interface WirePolicyDocument {
  readonly name?: unknown;
  readonly content?: unknown;
  readonly created_at?: unknown;
  readonly created_by?: unknown;
}

/** A bundle: each policy name to its documents. */
export type WirePolicyBundle = Readonly<Record<string, unknown>>;

/** A decision. */
export interface WireDecision {
  readonly status?: unknown;
  readonly reason?: unknown;
  readonly enabled_rules?: unknown;
  readonly hard_failures?: unknown;
  readonly soft_failures?: unknown;
}

/** A decision log entry. */
export interface WireDecisionLog {
  readonly id?: unknown;
  readonly created_at?: unknown;
  readonly decision?: unknown;
  readonly metadata?: unknown;
  readonly policies?: unknown;
  readonly time_taken_ms?: unknown;
}

/** Decision settings. */
export interface WireDecisionSettings {
  readonly enabled?: unknown;
}

/** What a bundle upload changed. */
export interface WireBundleDiff {
  readonly created?: unknown;
  readonly deleted?: unknown;
  readonly modified?: unknown;
}
