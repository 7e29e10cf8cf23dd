/**
 * GitLab REST v4 response bodies, as the service sends them. Typed loosely on
 * purpose: mappers read every field through the lenient decoders. (The v3
 * documents used `owner` and `private: true`; v4 sends `namespace` and
 * `visibility`, and members carry `state` instead of `blocked`.)
 */

/** A namespace (group or user) as embedded in a project. */
export interface WireNamespace {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly path?: unknown;
  readonly kind?: unknown;
  readonly full_path?: unknown;
  readonly parent_id?: unknown;
  readonly avatar_url?: unknown;
  readonly web_url?: unknown;
}

/** `GET /projects/:id` and each item of `GET /projects`. */
export interface WireProject {
  readonly id?: unknown;
  readonly description?: unknown;
  readonly name?: unknown;
  readonly name_with_namespace?: unknown;
  readonly path?: unknown;
  readonly path_with_namespace?: unknown;
  readonly created_at?: unknown;
  readonly last_activity_at?: unknown;
  readonly default_branch?: unknown;
  readonly visibility?: unknown;
  readonly web_url?: unknown;
  readonly http_url_to_repo?: unknown;
  readonly ssh_url_to_repo?: unknown;
  readonly archived?: unknown;
  readonly topics?: unknown;
  readonly star_count?: unknown;
  readonly forks_count?: unknown;
  readonly namespace?: WireNamespace | null;
}

/** A project member (`GET /projects/:id/members[/:user_id]`). */
export interface WireMember {
  readonly id?: unknown;
  readonly username?: unknown;
  readonly name?: unknown;
  readonly state?: unknown;
  readonly avatar_url?: unknown;
  readonly web_url?: unknown;
  readonly access_level?: unknown;
  readonly created_at?: unknown;
  readonly expires_at?: unknown;
}

/** A project hook (`GET /projects/:id/hooks[/:hook_id]`). The secret token is never sent. */
export interface WireProjectHook {
  readonly id?: unknown;
  readonly url?: unknown;
  readonly name?: unknown;
  readonly description?: unknown;
  readonly project_id?: unknown;
  readonly push_events?: unknown;
  readonly push_events_branch_filter?: unknown;
  readonly issues_events?: unknown;
  readonly confidential_issues_events?: unknown;
  readonly merge_requests_events?: unknown;
  readonly tag_push_events?: unknown;
  readonly note_events?: unknown;
  readonly confidential_note_events?: unknown;
  readonly job_events?: unknown;
  readonly pipeline_events?: unknown;
  readonly wiki_page_events?: unknown;
  readonly deployment_events?: unknown;
  readonly releases_events?: unknown;
  readonly enable_ssl_verification?: unknown;
  readonly alert_status?: unknown;
  readonly disabled_until?: unknown;
  readonly created_at?: unknown;
}

/**
 * A pipeline: whole from `GET /projects/:id/pipelines/:pipeline_id` and
 * `…/pipelines/latest`; each item of `GET /projects/:id/pipelines` carries
 * only `id`, `iid`, `project_id`, `sha`, `ref`, `status`, `source`, `name`,
 * `created_at`, `updated_at` and `web_url`.
 */
export interface WirePipeline {
  readonly id?: unknown;
  readonly iid?: unknown;
  readonly project_id?: unknown;
  readonly sha?: unknown;
  readonly ref?: unknown;
  readonly status?: unknown;
  readonly source?: unknown;
  readonly name?: unknown;
  readonly created_at?: unknown;
  readonly updated_at?: unknown;
  readonly web_url?: unknown;
  readonly before_sha?: unknown;
  readonly tag?: unknown;
  readonly yaml_errors?: unknown;
  readonly user?: unknown;
  readonly started_at?: unknown;
  readonly finished_at?: unknown;
  readonly committed_at?: unknown;
  readonly duration?: unknown;
  readonly queued_duration?: unknown;
  readonly coverage?: unknown;
}

/** A job (`GET /projects/:id/pipelines/:pipeline_id/jobs`, `GET /projects/:id/jobs/:job_id`). */
export interface WireJob {
  readonly id?: unknown;
  readonly status?: unknown;
  readonly stage?: unknown;
  readonly name?: unknown;
  readonly ref?: unknown;
  readonly tag?: unknown;
  readonly coverage?: unknown;
  readonly allow_failure?: unknown;
  readonly created_at?: unknown;
  readonly started_at?: unknown;
  readonly finished_at?: unknown;
  readonly erased_at?: unknown;
  readonly duration?: unknown;
  readonly queued_duration?: unknown;
  readonly failure_reason?: unknown;
  readonly web_url?: unknown;
  /** The job's pipeline, in its list form. */
  readonly pipeline?: WirePipeline | null;
}
