/** CircleCI context responses as sent; read through the lenient decoders. */

/** A CircleCI context as the API sends it. */
export interface WireContext {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly created_at?: unknown;
}

/** An environment variable of a context (without its value). */
export interface WireContextEnvVar {
  readonly variable?: unknown;
  readonly created_at?: unknown;
  readonly updated_at?: unknown;
  readonly context_id?: unknown;
}

/** A context restriction; `context_id` is absent from the create answer. */
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
