/**
 * CircleCI API v2 response bodies, as the service sends them. Typed loosely
 * on purpose: mappers read every field through the lenient decoders.
 */

/** `{ items, next_page_token }`: every CircleCI list. */
export interface WirePage<T> {
  readonly items?: readonly T[] | null;
  readonly next_page_token?: string | null;
}

/** A CircleCI project as the API sends it. */
export interface WireProject {
  readonly slug?: unknown;
  readonly name?: unknown;
  readonly id?: unknown;
  readonly organization_name?: unknown;
  readonly organization_slug?: unknown;
  readonly organization_id?: unknown;
  readonly vcs_info?: { readonly vcs_url?: unknown; readonly provider?: unknown; readonly default_branch?: unknown } | null;
}

/** A CircleCI pipeline as the API sends it. */
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

/** A CircleCI workflow as the API sends it. */
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

/** A CircleCI user as the API sends it. */
export interface WireUser {
  readonly id?: unknown;
  readonly login?: unknown;
  readonly name?: unknown;
}

/** A CircleCI collaboration as the API sends it. */
export interface WireCollaboration {
  readonly id?: unknown;
  readonly 'vcs-type'?: unknown;
  readonly name?: unknown;
  readonly avatar_url?: unknown;
  readonly slug?: unknown;
}

/** A CircleCI pipeline config as the API sends it. */
export interface WirePipelineConfig {
  readonly source?: unknown;
  readonly compiled?: unknown;
  readonly 'setup-config'?: unknown;
  readonly 'compiled-setup-config'?: unknown;
}

/** `POST /project/{slug}/pipeline` answers with a summary, not the whole pipeline. */
export interface WireTriggeredPipeline {
  readonly id?: unknown;
  readonly state?: unknown;
  readonly number?: unknown;
  readonly created_at?: unknown;
}

/** `{ "message" }`: the answer of most writes. */
export interface WireMessage {
  readonly message?: unknown;
}

/** A CircleCI rerun as the API sends it. */
export interface WireRerun {
  readonly workflow_id?: unknown;
}

/** One job of `GET /workflow/{id}/job`. */
export interface WireWorkflowJob {
  readonly id?: unknown;
  readonly job_number?: unknown;
  readonly name?: unknown;
  readonly project_slug?: unknown;
  readonly status?: unknown;
  readonly type?: unknown;
  readonly started_at?: unknown;
  readonly stopped_at?: unknown;
  readonly dependencies?: unknown;
  readonly approval_request_id?: unknown;
  readonly approved_by?: unknown;
  readonly canceled_by?: unknown;
}

/** `GET /project/{slug}/job/{number}`. */
export interface WireJobDetails {
  readonly web_url?: unknown;
  readonly project?: unknown;
  readonly parallel_runs?: unknown;
  readonly started_at?: unknown;
  readonly latest_workflow?: unknown;
  readonly name?: unknown;
  readonly executor?: unknown;
  readonly parallelism?: unknown;
  readonly status?: unknown;
  readonly number?: unknown;
  readonly pipeline?: unknown;
  readonly duration?: unknown;
  readonly created_at?: unknown;
  readonly messages?: unknown;
  readonly contexts?: unknown;
  readonly organization?: unknown;
  readonly queued_at?: unknown;
  readonly stopped_at?: unknown;
}

/** A CircleCI artifact as the API sends it. */
export interface WireArtifact {
  readonly path?: unknown;
  readonly node_index?: unknown;
  readonly url?: unknown;
}

/** A CircleCI test result as the API sends it. */
export interface WireTestResult {
  readonly message?: unknown;
  readonly source?: unknown;
  readonly run_time?: unknown;
  readonly file?: unknown;
  readonly result?: unknown;
  readonly name?: unknown;
  readonly classname?: unknown;
}

/** Schedules use kebab-case keys. */
export interface WireSchedule {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly description?: unknown;
  readonly timetable?: unknown;
  readonly 'project-slug'?: unknown;
  readonly parameters?: unknown;
  readonly actor?: unknown;
  readonly 'created-at'?: unknown;
  readonly 'updated-at'?: unknown;
}

/** A CircleCI env var as the API sends it. */
export interface WireEnvVar {
  readonly name?: unknown;
  readonly value?: unknown;
  readonly 'created-at'?: unknown;
}

/** A CircleCI checkout key as the API sends it. */
export interface WireCheckoutKey {
  readonly 'public-key'?: unknown;
  readonly type?: unknown;
  readonly fingerprint?: unknown;
  readonly preferred?: unknown;
  readonly 'created-at'?: unknown;
}

/** A CircleCI project settings as the API sends it. */
export interface WireProjectSettings {
  readonly advanced?: unknown;
}
