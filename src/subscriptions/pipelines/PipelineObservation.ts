import type { CircleCiPipelineModel, CircleCiWorkflowModel } from '../../upstreams/circleci/models.js';
import type { UpstreamPage } from '../../relay/connection.js';
import type { ConcordProcessModel } from '../../upstreams/concord/models.js';
import type { FlexStackDeploymentModel } from '../../upstreams/flexstack/models.js';
import type { GitLabPipelineModel } from '../../upstreams/gitlab/models.js';
import type { RunState } from '../../upstreams/runState.js';
import { isJsonObject } from '../../http/isJsonObject.js';

/** A project's latest pipeline on any service: what `Project.latestPipeline` returns. */
export type PipelineModel = CircleCiPipelineModel | GitLabPipelineModel | ConcordProcessModel | FlexStackDeploymentModel;

/** A project's latest pipeline as read at one moment with one credential. */
export interface PipelineObservation {
  /** Null when the project has no pipeline. */
  readonly pipeline: PipelineModel | null;
  /** Null with no pipeline. */
  readonly runState: RunState | null;
  /** CircleCI: the first page of the pipeline's workflows, which its run state was read from. */
  readonly workflows?: UpstreamPage<CircleCiWorkflowModel> | undefined;
  /** When it was read (ISO-8601). */
  readonly observedAt: string;
}

/** The id of a pipeline model, whatever its service. */
function idOf(pipeline: PipelineModel): string {
  return pipeline.__typename === 'ConcordProcess' ? pipeline.instanceId : String(pipeline.id);
}

/** The service's own status of a pipeline model. */
function statusOf(pipeline: PipelineModel): string {
  switch (pipeline.__typename) {
    case 'CircleCIPipeline':
      return pipeline.rawState;
    case 'FlexStackDeployment':
      return pipeline.rawStatus;
    default:
      return pipeline.status;
  }
}

/**
 * What makes two observations the same for subscribers: the pipeline, its
 * own status and its run state (a CircleCI pipeline's state stays `created`
 * while its workflows run, so the run state counts too).
 */
export function markerOf(observation: Pick<PipelineObservation, 'pipeline' | 'runState'>): string {
  const { pipeline } = observation;
  return pipeline === null ? 'none' : JSON.stringify([idOf(pipeline), statusOf(pipeline), observation.runState]);
}

/** An observation kept as JSON in the shared state; null when absent or unreadable. */
export function parseObservation(raw: string | null): PipelineObservation | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isJsonObject(value) && typeof value['observedAt'] === 'string' && 'pipeline' in value ? (value as unknown as PipelineObservation) : null;
  } catch {
    return null;
  }
}
