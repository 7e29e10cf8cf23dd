/**
 * CircleCI API v2 response bodies, as the service sends them. Typed loosely
 * on purpose: mappers read every field through the lenient decoders.
 */

/** `{ items, next_page_token }`: every CircleCI list. */
export interface WirePage<T> {
  readonly items?: readonly T[] | null;
  readonly next_page_token?: string | null;
}

export interface WireProject {
  readonly slug?: unknown;
  readonly name?: unknown;
  readonly id?: unknown;
  readonly organization_name?: unknown;
  readonly organization_slug?: unknown;
  readonly organization_id?: unknown;
  readonly vcs_info?: { readonly vcs_url?: unknown; readonly provider?: unknown; readonly default_branch?: unknown } | null;
}

export interface WirePipeline {
  readonly id?: unknown;
  readonly errors?: unknown;
  readonly project_slug?: unknown;
  readonly updated_at?: unknown;
  readonly number?: unknown;
  readonly trigger_parameters?: unknown;
  readonly state?: unknown;
  readonly created_at?: unknown;
  readonly trigger?: unknown;
  readonly vcs?: unknown;
}

export interface WireWorkflow {
  readonly pipeline_id?: unknown;
  readonly canceled_by?: unknown;
  readonly id?: unknown;
  readonly name?: unknown;
  readonly project_slug?: unknown;
  readonly errored_by?: unknown;
  readonly tag?: unknown;
  readonly status?: unknown;
  readonly started_by?: unknown;
  readonly pipeline_number?: unknown;
  readonly created_at?: unknown;
  readonly stopped_at?: unknown;
}
