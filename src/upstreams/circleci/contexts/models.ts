/** CircleCI contexts as resolvers receive them. */

/** The values this gateway knows (for decoding leniently). */
export const contextOwnerTypes = ['ACCOUNT', 'ORGANIZATION'] as const;
/** Who may own a context. */
export type ContextOwnerType = (typeof contextOwnerTypes)[number];

/** Who owns a context, when the gateway knows it (from the list or create call). */
export interface CircleCiContextOwner {
  readonly id: string | null;
  readonly slug: string | null;
  readonly type: ContextOwnerType | null;
}

/** A context. */
export interface CircleCiContextModel {
  readonly __typename: 'CircleCIContext';
  readonly id: string;
  readonly name: string;
  readonly createdAt: string | null;
  readonly owner: CircleCiContextOwner | null;
}

/** An environment variable of a context: name and dates only. */
export interface CircleCiContextEnvVarModel {
  readonly __typename: 'CircleCIContextEnvironmentVariable';
  readonly variable: string;
  readonly contextId: string;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}

/** The restriction types CircleCI knows. */
export const restrictionTypes = ['PROJECT', 'EXPRESSION'] as const;
/** A restriction type, `UNKNOWN` for newer ones. */
export type RestrictionType = (typeof restrictionTypes)[number] | 'UNKNOWN';

/** A restriction on which pipelines may use a context. */
export interface CircleCiContextRestrictionModel {
  readonly __typename: 'CircleCIContextRestriction';
  readonly id: string;
  readonly contextId: string;
  readonly projectId: string | null;
  readonly name: string | null;
  readonly restrictionType: RestrictionType;
  readonly rawRestrictionType: string;
  readonly restrictionValue: string;
}
