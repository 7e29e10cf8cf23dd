import { workflowStatuses } from './models.js';

/** Job statuses: the workflow's and those only jobs have, as GraphQL enum names. */
export const jobStatuses = [
  ...workflowStatuses,
  'RETRIED',
  'QUEUED',
  'NOT_RUNNING',
  'INFRASTRUCTURE_FAIL',
  'TIMEDOUT',
  'TERMINATED_UNKNOWN',
  'BLOCKED',
] as const;
/** One of {@link jobStatuses}, `UNKNOWN` for values newer than this gateway. */
export type JobStatus = (typeof jobStatuses)[number] | 'UNKNOWN';

/** The values this gateway knows (for decoding leniently). */
export const jobTypes = ['BUILD', 'APPROVAL'] as const;
/** One of {@link jobTypes}, `UNKNOWN` for values newer than this gateway. */
export type JobType = (typeof jobTypes)[number] | 'UNKNOWN';

/** A job as a workflow lists it. Its global id holds the workflow id too, so `node` can find it again. */
export interface CircleCiJobModel {
  readonly __typename: 'CircleCIJob';
  readonly id: string;
  readonly workflowId: string;
  readonly jobNumber: number | null;
  readonly name: string;
  readonly projectSlug: string;
  readonly status: JobStatus;
  readonly rawStatus: string;
  readonly type: JobType;
  readonly startedAt: string | null;
  readonly stoppedAt: string | null;
  readonly dependencies: readonly string[];
  readonly approvalRequestId: string | null;
  readonly approvedBy: string | null;
  readonly canceledBy: string | null;
}

/** A message CircleCI attaches to a job. */
export interface CircleCiJobMessage {
  readonly type: string;
  readonly message: string;
  readonly reason: string | null;
}

/** `GET /project/{slug}/job/{number}`: what a job's summary lacks. */
export interface CircleCiJobDetailsModel {
  readonly __typename: 'CircleCIJobDetails';
  readonly number: number;
  readonly name: string;
  readonly projectSlug: string;
  readonly projectId: string | null;
  readonly projectName: string | null;
  readonly projectUrl: string | null;
  readonly organizationName: string | null;
  readonly webUrl: string | null;
  readonly status: JobStatus;
  readonly rawStatus: string;
  readonly createdAt: string | null;
  readonly queuedAt: string | null;
  readonly startedAt: string | null;
  readonly stoppedAt: string | null;
  readonly durationMs: number | null;
  readonly parallelism: number | null;
  readonly parallelRuns: readonly { readonly index: number; readonly status: string }[];
  readonly executorResourceClass: string | null;
  readonly executorType: string | null;
  readonly latestWorkflowId: string | null;
  readonly latestWorkflowName: string | null;
  readonly pipelineId: string | null;
  readonly messages: readonly CircleCiJobMessage[];
  readonly contexts: readonly string[];
}

/** A `CircleCIArtifact` as resolvers get it. */
export interface CircleCiArtifactModel {
  readonly __typename: 'CircleCIArtifact';
  readonly path: string;
  readonly nodeIndex: number;
  readonly url: string;
}

/** A `CircleCITestResult` as resolvers get it. */
export interface CircleCiTestResultModel {
  readonly __typename: 'CircleCITestResult';
  readonly name: string;
  readonly classname: string;
  readonly file: string | null;
  readonly result: string;
  readonly message: string | null;
  readonly source: string | null;
  readonly runTimeSeconds: number | null;
}
