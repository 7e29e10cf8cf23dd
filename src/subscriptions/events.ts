import type { CircleCiWorkflowModel } from '../upstreams/circleci/models.js';
import type { CircleCiJobModel } from '../upstreams/circleci/modelsJobs.js';
import type { DeploymentState } from '../upstreams/flexstack/models.js';
import type { RunState } from '../upstreams/runState.js';
import type { PipelineObservation } from './pipelines/PipelineObservation.js';
import type { PipelineService } from './pipelines/ProjectRef.js';

/** A CircleCI job in the job event's former shape (the deprecated `jobStatusEvent`). */
export interface CircleCiJobSnapshot {
  readonly __typename: 'CircleCIJobStatusEvent';
  readonly id: string;
  readonly name: string;
  readonly number: number | null;
  readonly status: string;
  readonly startedAt: string | null;
  readonly stoppedAt: string | null;
}

interface CircleCiEventBase {
  readonly projectSlug: string;
  readonly orgSlug: string;
  readonly pipelineId: string;
  /** The new status, in CircleCI's spelling (`running`, `success`, …). */
  readonly status: string;
  /** The status before, when the gateway saw it. */
  readonly previousStatus: string | null;
  readonly happenedAt: string;
  /** Where the event was learnt: a signed webhook, a poll, or the state read when a subscription started. */
  readonly source: 'WEBHOOK' | 'POLL' | 'CURRENT';
}

/** A CircleCI pipeline whose status changed. */
export interface CircleCiPipelineEvent extends CircleCiEventBase {
  readonly kind: 'circleci.pipeline';
}

/** A CircleCI workflow whose status changed. */
export interface CircleCiWorkflowEvent extends CircleCiEventBase {
  readonly kind: 'circleci.workflow';
  readonly workflow: CircleCiWorkflowModel;
}

/** A CircleCI job whose status changed. */
export interface CircleCiJobEvent extends CircleCiEventBase {
  readonly kind: 'circleci.job';
  readonly workflowId: string;
  readonly job: CircleCiJobModel;
}


/** A FlexStack deployment event as subscribers get it. */
export interface FlexStackDeploymentEventModel {
  readonly kind: 'flexstack.deployment';
  readonly eventId: string;
  readonly deploymentId: string;
  readonly projectId: string;
  readonly status: DeploymentState;
  readonly timestamp: string;
  readonly data: unknown;
}

/** A GitLab `Pipeline Hook` reduced to its status change. */
export interface GitLabPipelineEvent {
  readonly kind: 'gitlab.pipeline';
  readonly projectId: string;
  readonly projectPath: string | null;
  readonly pipelineId: string;
  readonly status: string;
  readonly ref: string | null;
  readonly happenedAt: string;
}

/** A GitHub Enterprise `workflow_run` or `check_suite` event reduced to its status. */
export interface GhesRunEvent {
  readonly kind: 'ghes.run';
  readonly repository: string;
  readonly runId: string;
  readonly status: string;
  readonly conclusion: string | null;
  readonly happenedAt: string;
}

/**
 * A project's latest pipeline changed, as one credential scope's poller saw
 * it: only subscribers of that scope (the same credential) receive it.
 */
export interface PipelineChangeEvent {
  readonly kind: 'pipeline.change';
  readonly service: PipelineService;
  /** The project's canonical key on its service. */
  readonly project: string;
  /** The keyed fingerprint of the credential the pipeline was read with. */
  readonly scope: string;
  readonly observation: PipelineObservation;
  /** The run state the shared state held before (null when unknown or without a pipeline). */
  readonly previousRunState: RunState | null;
  /** WEBHOOK when a webhook about the project made the poller read it. */
  readonly source: 'WEBHOOK' | 'POLL';
}

/** Everything that flows through the event bus to subscribers. */
export type LiveEvent =
  | CircleCiPipelineEvent
  | CircleCiWorkflowEvent
  | CircleCiJobEvent
  | FlexStackDeploymentEventModel
  | GitLabPipelineEvent
  | GhesRunEvent
  | PipelineChangeEvent;
