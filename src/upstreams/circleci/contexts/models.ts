/** CircleCI contexts as resolvers receive them. */

export const contextOwnerTypes = ['ACCOUNT', 'ORGANIZATION'] as const;
export type ContextOwnerType = (typeof contextOwnerTypes)[number];

/** Who owns a context, when the gateway knows it (from the list or create call). */
export interface CircleCiContextOwner {
  readonly id: string | null;
  readonly slug: string | null;
  readonly type: ContextOwnerType | null;
}

export interface CircleCiContextModel {
  readonly __typename: 'CircleCIContext';
  readonly id: string;
  readonly name: string;
  readonly createdAt: string | null;
  readonly owner: CircleCiContextOwner | null;
}

export interface CircleCiContextEnvVarModel {
  readonly __typename: 'CircleCIContextEnvironmentVariable';
  readonly variable: string;
  readonly contextId: string;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}

export const restrictionTypes = ['PROJECT', 'EXPRESSION'] as const;
export type RestrictionType = (typeof restrictionTypes)[number] | 'UNKNOWN';

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
