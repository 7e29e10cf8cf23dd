/** CircleCI's project-level resources besides pipelines, and its users. */

/** A `CircleCIUser` as resolvers get it. */
export interface CircleCiUserModel {
  readonly __typename: 'CircleCIUser';
  readonly id: string;
  readonly login: string;
  readonly name: string;
}

/** A `CircleCICollaboration` as resolvers get it. */
export interface CircleCiCollaborationModel {
  readonly __typename: 'CircleCICollaboration';
  readonly id: string | null;
  readonly vcsType: string;
  readonly name: string;
  readonly avatarUrl: string | null;
  readonly slug: string;
}

/** A `CircleCIPipelineConfig` as resolvers get it. */
export interface CircleCiPipelineConfigModel {
  readonly __typename: 'CircleCIPipelineConfig';
  readonly source: string;
  readonly compiled: string;
  readonly setupConfig: string | null;
  readonly compiledSetupConfig: string | null;
}

/** The values this gateway knows (for decoding leniently). */
export const weekdays = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
/** One of {@link weekdays}. */
export type Weekday = (typeof weekdays)[number];
/** The values this gateway knows (for decoding leniently). */
export const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
/** One of {@link months}. */
export type Month = (typeof months)[number];

/** When a schedule runs. */
export interface CircleCiTimetableModel {
  readonly perHour: number | null;
  readonly hoursOfDay: readonly number[];
  readonly daysOfWeek: readonly (Weekday | 'UNKNOWN')[];
  readonly daysOfMonth: readonly number[];
  readonly months: readonly (Month | 'UNKNOWN')[];
}

/** A `CircleCISchedule` as resolvers get it. */
export interface CircleCiScheduleModel {
  readonly __typename: 'CircleCISchedule';
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly projectSlug: string;
  readonly timetable: CircleCiTimetableModel;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly actor: CircleCiUserModel | null;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}

/** A project environment variable; CircleCI only ever sends its value masked. */
export interface CircleCiEnvVarModel {
  readonly __typename: 'CircleCIProjectEnvVar';
  readonly projectSlug: string;
  readonly name: string;
  readonly maskedValue: string;
  readonly createdAt: string | null;
}

/** The values this gateway knows (for decoding leniently). */
export const checkoutKeyTypes = ['DEPLOY_KEY', 'GITHUB_USER_KEY'] as const;
/** One of {@link checkoutKeyTypes}, `UNKNOWN` for values newer than this gateway. */
export type CheckoutKeyType = (typeof checkoutKeyTypes)[number] | 'UNKNOWN';

/** A `CircleCICheckoutKey` as resolvers get it. */
export interface CircleCiCheckoutKeyModel {
  readonly __typename: 'CircleCICheckoutKey';
  readonly projectSlug: string;
  readonly publicKey: string;
  readonly type: CheckoutKeyType;
  readonly rawType: string;
  readonly fingerprint: string;
  readonly preferred: boolean;
  readonly createdAt: string | null;
}

/** `advanced` project settings; null where CircleCI left a setting out. */
export interface CircleCiProjectSettingsModel {
  readonly __typename: 'CircleCIProjectSettings';
  readonly projectSlug: string;
  readonly autocancelBuilds: boolean | null;
  readonly buildForkPrs: boolean | null;
  readonly buildPrsOnly: boolean | null;
  readonly disableSsh: boolean | null;
  readonly forksReceiveSecretEnvVars: boolean | null;
  readonly oss: boolean | null;
  readonly setGithubStatus: boolean | null;
  readonly setupWorkflows: boolean | null;
  readonly writeSettingsRequiresAdmin: boolean | null;
  readonly prOnlyBranchOverrides: readonly string[] | null;
}
