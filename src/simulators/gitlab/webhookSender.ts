import { randomUUID } from 'node:crypto';
import { postWebhook } from '../core/postWebhook.js';
import { pipelineHookJson } from './serializePipeline.js';
import { externalUrl, type GitLabStore, type SimPipeline } from './store.js';

/** Where the simulator delivers pipeline hooks (a project hook with pipeline events), and the hook's secret token. */
export interface GitLabWebhookTarget {
  readonly url: string;
  readonly secret: string;
}

/** One delivery attempt, for tests and the demo log. */
export interface GitLabWebhookDelivery {
  readonly uuid: string;
  readonly pipelineId: number;
  readonly status: string;
  /** The receiver's HTTP status; 0 when it could not be reached. */
  readonly answer: number;
}

/**
 * Delivers `Pipeline Hook` events as GitLab does for a project hook with
 * pipeline events on, each time a pipeline's status changes: the pipeline
 * hook body, `X-Gitlab-Event: Pipeline Hook`, the hook's secret as
 * `X-Gitlab-Token` (GitLab does not sign bodies), a fresh
 * `X-Gitlab-Event-UUID` per delivery.
 */
export class GitLabWebhookSender {
  target: GitLabWebhookTarget | undefined;
  readonly deliveries: GitLabWebhookDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly hookUuid = randomUUID();

  constructor(private readonly store: GitLabStore) {}

  /** Announces a pipeline's current status. */
  pipelineChanged(pipeline: SimPipeline): void {
    const target = this.target;
    if (target === undefined) return;
    const sending = this.deliver(target, pipeline).finally(() => this.pending.delete(sending));
    this.pending.add(sending);
  }

  /** Waits for deliveries in flight. */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async deliver(target: GitLabWebhookTarget, pipeline: SimPipeline): Promise<void> {
    const uuid = randomUUID();
    const status = pipeline.status;
    const answer = await postWebhook(target.url, JSON.stringify(pipelineHookJson(this.store, pipeline)), {
      'content-type': 'application/json',
      'user-agent': 'GitLab/17.5.0',
      'x-gitlab-event': 'Pipeline Hook',
      'x-gitlab-token': target.secret,
      'x-gitlab-event-uuid': uuid,
      'x-gitlab-webhook-uuid': this.hookUuid,
      'x-gitlab-instance': externalUrl,
      'idempotency-key': uuid,
    });
    this.deliveries.push({ uuid, pipelineId: pipeline.id, status, answer });
    if (this.deliveries.length > 1_000) this.deliveries.shift();
  }
}
