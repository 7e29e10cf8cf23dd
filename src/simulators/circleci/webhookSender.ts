import { createHmac, randomUUID } from 'node:crypto';
import { stableUuid } from '../core/ids.js';
import type { CircleCiStore, SimJob, SimWorkflow } from './store.js';
import { postWebhook } from '../core/postWebhook.js';

/** Where the simulator delivers its webhooks, and the signing secret. */
export interface WebhookTarget {
  readonly url: string;
  readonly secret: string;
}

/** One delivery attempt, for tests and the demo log. */
export interface WebhookDelivery {
  readonly id: string;
  readonly type: 'workflow-completed' | 'job-completed';
  /** The receiver's HTTP status; 0 when it could not be reached. */
  readonly status: number;
}

/**
 * Delivers CircleCI outbound webhooks as CircleCI does: JSON body
 * `{id, type, happened_at, webhook, project, organization, workflow,
 * pipeline, job?}`, headers `circleci-event-type`, `circleci-signature:
 * v1=<hex HMAC-SHA256>` and `user-agent: CircleCI-Webhook/1.0`.
 */
export class CircleCiWebhookSender {
  target: WebhookTarget | undefined;
  readonly deliveries: WebhookDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly store: CircleCiStore) {}

  /** Sends `job-completed` for each job that ran, then `workflow-completed`. */
  workflowFinished(workflow: SimWorkflow, jobs: readonly SimJob[]): void {
    if (this.target === undefined) return;
    const target = this.target;
    const send = async (): Promise<void> => {
      for (const job of jobs) {
        if (job.status === 'not_run') continue;
        await this.deliver(target, 'job-completed', workflow, job);
      }
      await this.deliver(target, 'workflow-completed', workflow, undefined);
    };
    const sending = send().finally(() => this.pending.delete(sending));
    this.pending.add(sending);
  }

  /** Waits for deliveries in flight. */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  /** The body CircleCI sends for a workflow (and job) event. */
  bodyOf(type: WebhookDelivery['type'], workflow: SimWorkflow, job: SimJob | undefined): Record<string, unknown> {
    const project = this.store.projects.find((candidate) => candidate.slug === workflow.projectSlug);
    const org = this.store.orgs.find((candidate) => candidate.slug === project?.orgSlug);
    const pipeline = this.store.pipelines.find((candidate) => candidate.id === workflow.pipelineId);
    return {
      id: randomUUID(),
      type,
      happened_at: workflow.stoppedAt ?? new Date().toISOString(),
      webhook: { id: stableUuid('webhook:simulator'), name: 'simulator' },
      project: { id: project?.id ?? '', name: project?.name ?? '', slug: workflow.projectSlug },
      organization: { id: org?.id ?? '', name: org?.name ?? '' },
      workflow: {
        id: workflow.id,
        name: workflow.name,
        created_at: workflow.createdAt,
        stopped_at: workflow.stoppedAt,
        url: `https://app.circleci.com/pipelines/${workflow.projectSlug}/${workflow.pipelineNumber}/workflows/${workflow.id}`,
        status: workflow.status,
      },
      pipeline: {
        id: workflow.pipelineId,
        number: workflow.pipelineNumber,
        created_at: pipeline?.createdAt ?? workflow.createdAt,
        trigger: { type: pipeline?.triggerType ?? 'api' },
        ...(pipeline !== undefined ? { vcs: { branch: pipeline.branch, revision: pipeline.revision, provider_name: 'github' } } : {}),
      },
      ...(job !== undefined
        ? { job: { id: job.id, number: job.jobNumber, name: job.name, status: job.status, started_at: job.startedAt, stopped_at: job.stoppedAt } }
        : {}),
    };
  }

  private async deliver(target: WebhookTarget, type: WebhookDelivery['type'], workflow: SimWorkflow, job: SimJob | undefined): Promise<void> {
    const body = this.bodyOf(type, workflow, job);
    const raw = JSON.stringify(body);
    const signature = createHmac('sha256', target.secret).update(raw).digest('hex');
    const status = await postWebhook(target.url, raw, {
      'content-type': 'application/json',
      'circleci-event-type': type,
      'circleci-signature': `v1=${signature}`,
      'user-agent': 'CircleCI-Webhook/1.0',
    });
    this.deliveries.push({ id: String(body['id']), type, status });
    if (this.deliveries.length > 1_000) this.deliveries.shift();
  }
}
