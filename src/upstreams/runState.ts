import type { RunState } from '../generated/graphql.js';

export type { RunState };
import type { CircleCiPipelineModel, CircleCiWorkflowModel } from './circleci/models.js';
import type { DeploymentState } from './flexstack/models.js';

/**
 * Each service's run statuses in the words every `Pipeline` uses; a status
 * not listed is `UNKNOWN`. Every service's names are in one place, so the
 * vocabulary stays one.
 */
const gitLab: Readonly<Record<string, RunState>> = {
  created: 'PENDING',
  waiting_for_resource: 'PENDING',
  preparing: 'PENDING',
  pending: 'PENDING',
  scheduled: 'PENDING',
  running: 'RUNNING',
  canceling: 'RUNNING',
  manual: 'BLOCKED',
  waiting_for_callback: 'BLOCKED',
  success: 'SUCCEEDED',
  failed: 'FAILED',
  canceled: 'CANCELED',
  skipped: 'SKIPPED',
};

const concord: Readonly<Record<string, RunState>> = {
  NEW: 'PENDING',
  PREPARING: 'PENDING',
  ENQUEUED: 'PENDING',
  WAITING: 'PENDING',
  STARTING: 'PENDING',
  RUNNING: 'RUNNING',
  RESUMING: 'RUNNING',
  SUSPENDED: 'BLOCKED',
  FINISHED: 'SUCCEEDED',
  FAILED: 'FAILED',
  TIMED_OUT: 'FAILED',
  CANCELLED: 'CANCELED',
};

const flexStack: Readonly<Record<DeploymentState, RunState>> = {
  IN_PROGRESS: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
};

/** A status's run state in a service's table (own keys only: `constructor` is no status); `UNKNOWN` when absent. */
const lookUp = (table: Readonly<Record<string, RunState>>, status: string): RunState => (Object.hasOwn(table, status) ? table[status] : undefined) ?? 'UNKNOWN';

/** A GitLab pipeline's `status` as a {@link RunState}. */
export const gitLabRunState = (status: string): RunState => lookUp(gitLab, status);

/** A Concord process's `status` as a {@link RunState}. */
export const concordRunState = (status: string): RunState => lookUp(concord, status);

/** A FlexStack deployment's state as a {@link RunState}; a state this gateway does not know is `UNKNOWN`. */
export const flexStackRunState = (state: DeploymentState | null): RunState => (state === null ? 'UNKNOWN' : flexStack[state]);

/**
 * A CircleCI pipeline's {@link RunState}: CircleCI's pipeline states say only
 * whether the configuration was processed, so the run's state is its
 * workflows': running while any runs (a `failing` workflow still runs), then
 * blocked while any waits on an approval, then failed, canceled, succeeded
 * (skipped when none ran). No workflows yet: pending, or failed when the
 * pipeline errored.
 */
export function circleCiRunState(pipeline: Pick<CircleCiPipelineModel, 'state'>, workflows: readonly Pick<CircleCiWorkflowModel, 'status'>[]): RunState {
  if (pipeline.state === 'ERRORED') return 'FAILED';
  if (workflows.length === 0) return pipeline.state === 'UNKNOWN' ? 'UNKNOWN' : 'PENDING';
  const statuses = new Set(workflows.map((workflow) => workflow.status));
  const any = (...names: readonly CircleCiWorkflowModel['status'][]): boolean => names.some((name) => statuses.has(name));
  if (any('RUNNING', 'FAILING')) return 'RUNNING';
  if (any('ON_HOLD')) return 'BLOCKED';
  if (any('FAILED', 'ERROR', 'UNAUTHORIZED')) return 'FAILED';
  if (any('CANCELED')) return 'CANCELED';
  if (any('UNKNOWN')) return 'UNKNOWN';
  return any('SUCCESS') ? 'SUCCEEDED' : 'SKIPPED';
}
