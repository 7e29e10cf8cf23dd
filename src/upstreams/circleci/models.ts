/**
 * The CircleCI objects resolvers receive: camel-cased, decoded, with a
 * `__typename` that resolves the shared interfaces.
 */

/** A `CircleCIProject` as resolvers get it. */
export interface CircleCiProjectModel {
  readonly __typename: 'CircleCIProject';
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly organizationName: string;
  readonly organizationSlug: string;
  readonly organizationId: string;
  readonly vcsUrl: string | null;
  readonly vcsProvider: string | null;
  readonly defaultBranch: string | null;
}

/** The values this gateway knows (for decoding leniently). */
export const pipelineStates = ['CREATED', 'ERRORED', 'SETUP_PENDING', 'SETUP', 'PENDING'] as const;
/** One of {@link pipelineStates}, `UNKNOWN` for values newer than this gateway. */
export type PipelineState = (typeof pipelineStates)[number] | 'UNKNOWN';

/** An error CircleCI reports on a pipeline (a config error, say). */
export interface CircleCiPipelineError {
  readonly type: string;
  readonly message: string;
}

/** What started a pipeline, and who. */
export interface CircleCiPipelineTrigger {
  readonly type: string;
  readonly receivedAt: string | null;
  readonly actorLogin: string | null;
  readonly actorAvatarUrl: string | null;
}

/** The version-control details of a pipeline: repository, revision, branch or tag, review and commit. */
export interface CircleCiPipelineVcs {
  readonly providerName: string | null;
  readonly originRepositoryUrl: string | null;
  readonly targetRepositoryUrl: string | null;
  readonly revision: string | null;
  readonly branch: string | null;
  readonly tag: string | null;
  readonly reviewId: string | null;
  readonly reviewUrl: string | null;
  readonly commitSubject: string | null;
  readonly commitBody: string | null;
}

/** A `CircleCIPipeline` as resolvers get it. */
export interface CircleCiPipelineModel {
  readonly __typename: 'CircleCIPipeline';
  readonly id: string;
  readonly number: number | null;
  readonly projectSlug: string;
  readonly state: PipelineState;
  /** The state as CircleCI spelled it. */
  readonly rawState: string;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  readonly errors: readonly CircleCiPipelineError[];
  readonly trigger: CircleCiPipelineTrigger | null;
  readonly triggerParameters: Readonly<Record<string, unknown>> | null;
  readonly vcs: CircleCiPipelineVcs | null;
}

/** The values this gateway knows (for decoding leniently). */
export const workflowStatuses = [
  'SUCCESS',
  'RUNNING',
  'NOT_RUN',
  'FAILED',
  'ERROR',
  'FAILING',
  'ON_HOLD',
  'CANCELED',
  'UNAUTHORIZED',
] as const;
/** One of {@link workflowStatuses}, `UNKNOWN` for values newer than this gateway. */
export type WorkflowStatus = (typeof workflowStatuses)[number] | 'UNKNOWN';

/** A `CircleCIWorkflow` as resolvers get it. */
export interface CircleCiWorkflowModel {
  readonly __typename: 'CircleCIWorkflow';
  readonly id: string;
  readonly name: string;
  readonly pipelineId: string;
  readonly pipelineNumber: number | null;
  readonly projectSlug: string;
  readonly status: WorkflowStatus;
  readonly rawStatus: string;
  readonly tag: string | null;
  readonly startedBy: string | null;
  readonly canceledBy: string | null;
  readonly erroredBy: string | null;
  readonly createdAt: string | null;
  readonly stoppedAt: string | null;
}
