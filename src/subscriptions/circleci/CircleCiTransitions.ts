import type { CircleCiPipelineModel, CircleCiWorkflowModel } from '../../upstreams/circleci/models.js';
import type { CircleCiJobModel } from '../../upstreams/circleci/modelsJobs.js';
import type { EventBus } from '../bus/EventBus.js';
import type { Coordination } from '../state/Coordination.js';
import { normalizeSlug, orgSlugOf, pipelineStatusOf } from './status.js';

/** Where an observation came from. */
export type Source = 'WEBHOOK' | 'POLL';

/**
 * Turns observed CircleCI statuses (from a webhook or a poll, on any
 * replica) into status-change events. The previous status is swapped
 * atomically in the shared store, so a change seen by both a webhook and a
 * poller is published once.
 */
export class CircleCiTransitions {
  constructor(
    private readonly bus: EventBus,
    private readonly coordination: Coordination,
  ) {}

  /**
   * Publishes each changed workflow of one pipeline, then the pipeline's
   * change once all are recorded (so a poll never shows a half-updated
   * pipeline); returns the pipeline's status.
   */
  async workflowsObserved(workflows: readonly CircleCiWorkflowModel[], source: Source, happenedAt: string): Promise<string | null> {
    const first = workflows[0];
    if (first === undefined) return null;
    const base = { projectSlug: first.projectSlug, orgSlug: orgSlugOf(first.projectSlug), pipelineId: first.pipelineId, happenedAt, source };
    let known: Readonly<Record<string, string>> = {};
    for (const workflow of workflows) {
      const previous = await this.coordination.swapStatus(`workflow:${workflow.id}`, workflow.rawStatus);
      if (previous !== workflow.rawStatus) {
        await this.bus.publish({ event: { kind: 'circleci.workflow', ...base, status: workflow.rawStatus, previousStatus: previous, workflow } });
      }
      known = await this.coordination.recordWorkflow(workflow.pipelineId, workflow.id, workflow.rawStatus);
    }
    const pipelineStatus = pipelineStatusOf(Object.values(known));
    if (pipelineStatus === null) return null;
    const previousPipeline = await this.coordination.swapStatus(`pipeline:${first.pipelineId}`, pipelineStatus);
    if (previousPipeline !== pipelineStatus) {
      await this.bus.publish({ event: { kind: 'circleci.pipeline', ...base, status: pipelineStatus, previousStatus: previousPipeline } });
    }
    return pipelineStatus;
  }

  /** Publishes that a pipeline errored before any workflow (status `errored`, its state), once. */
  async pipelineErrored(pipeline: CircleCiPipelineModel, happenedAt: string): Promise<void> {
    const status = 'errored';
    const previous = await this.coordination.swapStatus(`pipeline:${pipeline.id}`, status);
    if (previous === status) return;
    const projectSlug = normalizeSlug(pipeline.projectSlug);
    await this.bus.publish({
      event: { kind: 'circleci.pipeline', projectSlug, orgSlug: orgSlugOf(projectSlug), pipelineId: pipeline.id, happenedAt, source: 'POLL', status, previousStatus: previous },
    });
  }

  /** Publishes a job's change. */
  async jobObserved(job: CircleCiJobModel, where: { readonly projectSlug: string; readonly pipelineId: string }, source: Source, happenedAt: string): Promise<void> {
    const previous = await this.coordination.swapStatus(`job:${job.id}`, job.rawStatus);
    if (previous === job.rawStatus) return;
    await this.bus.publish({
      event: {
        kind: 'circleci.job',
        projectSlug: where.projectSlug,
        orgSlug: orgSlugOf(where.projectSlug),
        pipelineId: where.pipelineId,
        workflowId: job.workflowId,
        happenedAt,
        source,
        status: job.rawStatus,
        previousStatus: previous,
        job,
      },
    });
  }
}
