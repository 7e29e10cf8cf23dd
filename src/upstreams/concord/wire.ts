/**
 * Concord response bodies, as the server sends them. Typed loosely on
 * purpose: mappers read every field through the lenient decoders.
 */

/** `ProjectEntry` from `GET /v2/org/{org}/project/{name}` and the v1 list. */
export interface WireProject {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly description?: unknown;
  readonly orgId?: unknown;
  readonly orgName?: unknown;
  readonly visibility?: unknown;
  readonly owner?: unknown;
  readonly rawPayloadMode?: unknown;
  readonly outVariablesMode?: unknown;
  readonly processExecMode?: unknown;
  readonly meta?: unknown;
  readonly cfg?: unknown;
  readonly createdAt?: unknown;
}

/** `ResourceAccessEntry`: one team's access to a project. */
export interface WireAccessEntry {
  readonly teamId?: unknown;
  readonly orgName?: unknown;
  readonly teamName?: unknown;
  readonly level?: unknown;
}

/** `ProcessEntry` from `GET /v2/process` and `GET /v2/process/{instanceId}`. */
export interface WireProcess {
  readonly instanceId?: unknown;
  readonly kind?: unknown;
  readonly orgName?: unknown;
  readonly projectName?: unknown;
  readonly initiator?: unknown;
  readonly status?: unknown;
  readonly createdAt?: unknown;
  readonly lastUpdatedAt?: unknown;
}

/** `TeamEntry` from `GET /v1/org/{orgName}/team/{teamName}`. */
export interface WireTeam {
  readonly id?: unknown;
  readonly orgId?: unknown;
  readonly orgName?: unknown;
  readonly name?: unknown;
  readonly description?: unknown;
}

/** `{ ok, id?, result }`: what every Concord write answers. */
export interface WireOperationResult {
  readonly ok?: unknown;
  readonly id?: unknown;
  readonly result?: unknown;
}

/**
 * The body of `POST /v1/org/{orgName}/project`. On an update only the fields
 * that are not null change, except `rawPayloadMode`, which the server resets
 * to `ORG_MEMBERS` when it is left out (`ProjectManager.update`).
 */
export interface WireProjectWrite {
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  readonly visibility?: string | undefined;
  readonly rawPayloadMode?: string | undefined;
  readonly outVariablesMode?: string | undefined;
  readonly processExecMode?: string | undefined;
  readonly meta?: unknown;
  readonly cfg?: unknown;
  readonly orgId?: string | undefined;
  readonly orgName?: string | undefined;
}

/**
 * One rule of `POST …/access` (a team id, or a team name the server resolves)
 * and of `POST …/access/bulk` (team ids only: the bulk endpoint resolves no names).
 */
export interface WireAccessWrite {
  readonly teamId?: string | undefined;
  readonly orgName?: string | undefined;
  readonly teamName?: string | undefined;
  readonly level: string;
}
