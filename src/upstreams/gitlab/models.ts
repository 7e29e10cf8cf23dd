/**
 * The GitLab objects resolvers receive: camel-cased, decoded, with a
 * `__typename` that resolves the shared interfaces.
 */

/** The values this gateway knows (for decoding leniently). */
export const visibilities = ['PRIVATE', 'INTERNAL', 'PUBLIC'] as const;
/** One of {@link visibilities}, `UNKNOWN` for values newer than this gateway. */
export type GitLabVisibility = (typeof visibilities)[number] | 'UNKNOWN';

/**
 * GitLab's access levels by number. PLANNER (15) came with GitLab 17.7;
 * anything else the gateway does not know is UNKNOWN.
 */
export const accessLevels = {
  NO_ACCESS: 0,
  MINIMAL_ACCESS: 5,
  GUEST: 10,
  PLANNER: 15,
  REPORTER: 20,
  DEVELOPER: 30,
  MAINTAINER: 40,
  OWNER: 50,
} as const;
/** A member's access level by name, `UNKNOWN` for numbers GitLab may add. */
export type GitLabAccessLevel = keyof typeof accessLevels | 'UNKNOWN';

/** GitLab's own names of the access levels, as its UI shows them. */
export const accessLevelLabels: Readonly<Record<GitLabAccessLevel, string>> = {
  NO_ACCESS: 'No access',
  MINIMAL_ACCESS: 'Minimal Access',
  GUEST: 'Guest',
  PLANNER: 'Planner',
  REPORTER: 'Reporter',
  DEVELOPER: 'Developer',
  MAINTAINER: 'Maintainer',
  OWNER: 'Owner',
  UNKNOWN: 'Unknown',
};

/** A GitLab namespace (a user's or a group), as resolvers get it. */
export interface GitLabNamespaceModel {
  readonly id: number | null;
  readonly name: string;
  readonly path: string;
  readonly kind: string;
  readonly fullPath: string;
  readonly parentId: number | null;
  readonly webUrl: string | null;
}

/** A `GitLabProject` as resolvers get it. */
export interface GitLabProjectModel {
  readonly __typename: 'GitLabProject';
  readonly id: number;
  readonly name: string;
  readonly nameWithNamespace: string | null;
  readonly path: string;
  readonly pathWithNamespace: string;
  readonly description: string | null;
  readonly visibility: GitLabVisibility;
  readonly rawVisibility: string | null;
  readonly defaultBranch: string | null;
  readonly webUrl: string | null;
  readonly httpUrlToRepo: string | null;
  readonly sshUrlToRepo: string | null;
  readonly archived: boolean;
  readonly topics: readonly string[];
  readonly starCount: number | null;
  readonly forksCount: number | null;
  readonly createdAt: string | null;
  readonly lastActivityAt: string | null;
  readonly namespace: GitLabNamespaceModel | null;
}

/** A `GitLabMember` as resolvers get it. */
export interface GitLabMemberModel {
  readonly __typename: 'GitLabMember';
  /** The project as the caller named it: its numeric id or its full path. */
  readonly projectRef: string;
  readonly userId: number;
  readonly username: string;
  readonly name: string;
  readonly state: string | null;
  readonly accessLevel: GitLabAccessLevel;
  readonly accessLevelValue: number | null;
  readonly expiresAt: string | null;
  readonly createdAt: string | null;
  readonly avatarUrl: string | null;
  readonly webUrl: string | null;
}

/** The event flags of a project hook, in GitLab's names, in the order GitLab lists them. */
export const hookEventFlags = [
  'push_events',
  'issues_events',
  'confidential_issues_events',
  'merge_requests_events',
  'tag_push_events',
  'note_events',
  'confidential_note_events',
  'job_events',
  'pipeline_events',
  'wiki_page_events',
  'deployment_events',
  'releases_events',
] as const;
/** One of {@link hookEventFlags}. */
export type HookEventFlag = (typeof hookEventFlags)[number];

/** A `GitLabProjectHook` as resolvers get it. */
export interface GitLabProjectHookModel {
  readonly __typename: 'GitLabProjectHook';
  readonly id: number;
  readonly projectId: number;
  readonly url: string;
  readonly name: string | null;
  readonly description: string | null;
  /** Each event flag, as GitLab sent it (false when missing). */
  readonly flags: Readonly<Record<HookEventFlag, boolean>>;
  readonly pushEventsBranchFilter: string | null;
  readonly enableSslVerification: boolean;
  readonly alertStatus: string | null;
  readonly disabledUntil: string | null;
  readonly createdAt: string | null;
}

/**
 * The statuses of GitLab pipelines and jobs (`Ci::HasStatus`), in GitLab's
 * names; filters take these, and reads pass on whatever GitLab sends.
 */
export const ciStatuses = [
  'created',
  'waiting_for_resource',
  'preparing',
  'waiting_for_callback',
  'pending',
  'running',
  'success',
  'failed',
  'canceling',
  'canceled',
  'skipped',
  'manual',
  'scheduled',
] as const;
/** One of {@link ciStatuses}. */
export type GitLabCiStatus = (typeof ciStatuses)[number];

/** A `GitLabPipeline` as resolvers get it. */
export interface GitLabPipelineModel {
  readonly __typename: 'GitLabPipeline';
  readonly id: number;
  /** Its number within its project. */
  readonly iid: number | null;
  readonly projectId: number;
  readonly status: string;
  readonly ref: string | null;
  readonly sha: string | null;
  readonly source: string | null;
  readonly name: string | null;
  readonly webUrl: string | null;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  /**
   * Whether it was read on its own: GitLab's lists leave out the fields
   * below, which are then null here and read with the pipeline when asked for.
   */
  readonly detailed: boolean;
  readonly beforeSha: string | null;
  readonly tag: boolean | null;
  readonly yamlErrors: string | null;
  readonly userName: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly committedAt: string | null;
  /** Seconds spent running. */
  readonly duration: number | null;
  /** Seconds spent queued. */
  readonly queuedDuration: number | null;
  readonly coverage: number | null;
}

/** A `GitLabJob` as resolvers get it. */
export interface GitLabJobModel {
  readonly __typename: 'GitLabJob';
  readonly id: number;
  readonly projectId: number;
  readonly pipelineId: number | null;
  readonly name: string;
  readonly stage: string | null;
  readonly status: string;
  readonly ref: string | null;
  readonly tag: boolean;
  readonly allowFailure: boolean;
  readonly failureReason: string | null;
  readonly coverage: number | null;
  readonly createdAt: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly erasedAt: string | null;
  /** Seconds spent running (fractional). */
  readonly duration: number | null;
  readonly queuedDuration: number | null;
  readonly webUrl: string | null;
}
