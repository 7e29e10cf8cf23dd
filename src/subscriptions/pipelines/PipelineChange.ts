import type { CircleCiWorkflowModel } from '../../upstreams/circleci/models.js';
import type { UpstreamPage } from '../../relay/connection.js';
import type { RunState } from '../../upstreams/runState.js';
import type { PipelineModel } from './PipelineObservation.js';
import type { WatchedProjectModel } from './readWatchedProject.js';

/** One `pipelinesChanged` event as its subscriber gets it (the model of `PipelineChange`). */
export interface PipelineChangeModel {
  /** The project as the subscriber's credential read it when subscribing. */
  readonly project: WatchedProjectModel;
  readonly pipeline: PipelineModel | null;
  readonly runState: RunState | null;
  /** The run state this subscription last sent for the project; null for CURRENT. */
  readonly previousRunState: RunState | null;
  readonly source: 'WEBHOOK' | 'POLL' | 'CURRENT';
  readonly happenedAt: string;
  /** CircleCI: the workflows the run state was read from, so `pipeline.runState` needs no second read. */
  readonly workflows?: UpstreamPage<CircleCiWorkflowModel> | undefined;
}
