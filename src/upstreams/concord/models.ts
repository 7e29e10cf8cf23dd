/**
 * The Concord objects resolvers receive: decoded, with a `__typename` that
 * resolves the shared interfaces.
 */

/** The values this gateway knows (for decoding leniently). */
export const concordVisibilities = ['PUBLIC', 'PRIVATE'] as const;
/** One of {@link concordVisibilities}. */
export type ConcordVisibility = (typeof concordVisibilities)[number];

/** The values this gateway knows (for decoding leniently). */
export const concordAccessLevels = ['READER', 'WRITER', 'OWNER'] as const;
/** One of {@link concordAccessLevels}. */
export type ConcordAccessLevel = (typeof concordAccessLevels)[number];

/** The owner of a Concord project. */
export interface ConcordOwner {
  readonly id: string | null;
  readonly username: string | null;
  readonly userDomain: string | null;
  readonly displayName: string | null;
  readonly userType: string | null;
}

/** A `ConcordProject` as resolvers get it. */
export interface ConcordProjectModel {
  readonly __typename: 'ConcordProject';
  /** Concord's project id (a UUID). */
  readonly id: string;
  readonly name: string;
  readonly orgId: string | null;
  readonly orgName: string;
  readonly description: string | null;
  readonly visibility: ConcordVisibility | null;
  readonly owner: ConcordOwner | null;
  readonly rawPayloadMode: string | null;
  readonly outVariablesMode: string | null;
  readonly processExecMode: string | null;
  readonly meta: Readonly<Record<string, unknown>> | null;
  readonly createdAt: string | null;
}

/** A `ConcordTeamAccess` as resolvers get it. */
export interface ConcordTeamAccessModel {
  readonly __typename: 'ConcordTeamAccess';
  /** The organization and project the rule belongs to. */
  readonly projectOrgName: string;
  readonly projectName: string;
  readonly teamId: string;
  readonly teamName: string | null;
  /** The team's own organization. */
  readonly orgName: string | null;
  readonly level: ConcordAccessLevel | null;
  /** The level as Concord spelled it. */
  readonly rawLevel: string;
}

/** A `ConcordProcess` as resolvers get it. */
export interface ConcordProcessModel {
  readonly __typename: 'ConcordProcess';
  /** Concord's instance id (a UUID). */
  readonly instanceId: string;
  readonly kind: string | null;
  readonly orgName: string | null;
  readonly projectName: string | null;
  readonly initiator: string | null;
  /** As Concord spelled it (`RUNNING`, `FINISHED`, …). */
  readonly status: string;
  readonly createdAt: string | null;
  readonly lastUpdatedAt: string | null;
}

/** What a Concord write answered: `{ ok, id, result }`. */
export interface ConcordOperationResult {
  readonly ok: boolean;
  readonly id: string | null;
  /** `CREATED`, `UPDATED`, `DELETED`, … */
  readonly result: string;
}

/** What a project deletion answered, with the project it was about. */
export interface ConcordDeletePayloadModel extends ConcordOperationResult {
  readonly org: string;
  readonly name: string;
}
