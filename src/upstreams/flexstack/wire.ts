/**
 * FlexStack response bodies, as the API sends them. Typed loosely on
 * purpose: mappers read every field through the lenient decoders.
 */

/** `{ data, has_more, next_page }`: every paged FlexStack list. */
export interface WireList<T> {
  readonly data?: readonly T[] | null;
  readonly has_more?: unknown;
  readonly next_page?: unknown;
}

/** A FlexStack project as the API sends it. */
export interface WireProject {
  readonly connection_status?: unknown;
  readonly created_at?: unknown;
  readonly default_environment_id?: unknown;
  readonly description?: unknown;
  readonly icon?: unknown;
  readonly id?: unknown;
  readonly name?: unknown;
  readonly org_id?: unknown;
}

/** A FlexStack member as the API sends it. */
export interface WireMember {
  readonly account_id?: unknown;
  readonly avatar?: unknown;
  readonly created_at?: unknown;
  readonly display_name?: unknown;
  readonly id?: unknown;
  readonly name?: unknown;
  readonly org_role?: unknown;
  readonly profile?: unknown;
  readonly project_id?: unknown;
  readonly role?: unknown;
}

/** A FlexStack integration as the API sends it. */
export interface WireIntegration {
  readonly config?: unknown;
  readonly created_at?: unknown;
  readonly id?: unknown;
  readonly notifications?: unknown;
  readonly project_id?: unknown;
  readonly type?: unknown;
  readonly updated_at?: unknown;
}

/** A FlexStack deployment as the API sends it (and as its webhooks carry it in `data`). */
export interface WireDeployment {
  readonly created_at?: unknown;
  readonly environment_id?: unknown;
  readonly finished_at?: unknown;
  readonly id?: unknown;
  readonly project_id?: unknown;
  readonly status?: unknown;
}

/** The notification flags, as sent in integration writes. */
export interface WireNotificationFlags {
  readonly deployments_failed?: boolean | undefined;
  readonly deployments_in_progress?: boolean | undefined;
  readonly deployments_succeeded?: boolean | undefined;
  readonly changelog?: boolean | undefined;
  readonly promotions?: boolean | undefined;
  readonly services_alarm?: boolean | undefined;
  readonly services_ok?: boolean | undefined;
}

/** The body of `POST /projects` and (whole) `PUT /projects/{id}`. */
export interface WireProjectWrite {
  readonly name: string;
  readonly description?: string | null | undefined;
  readonly icon?: string | null | undefined;
  readonly default_environment_id?: string | null | undefined;
}
