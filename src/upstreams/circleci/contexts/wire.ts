/** CircleCI context responses as sent; read through the lenient decoders. */

export interface WireContext {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly created_at?: unknown;
}

export interface WireContextEnvVar {
  readonly variable?: unknown;
  readonly created_at?: unknown;
  readonly updated_at?: unknown;
  readonly context_id?: unknown;
}

export interface WireContextRestriction {
  readonly id?: unknown;
  readonly context_id?: unknown;
  readonly project_id?: unknown;
  readonly name?: unknown;
  readonly restriction_type?: unknown;
  readonly restriction_value?: unknown;
}

/** `{ "message" }`: what CircleCI answers to deletes. */
export interface WireMessage {
  readonly message?: unknown;
}
