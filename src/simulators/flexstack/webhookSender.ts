import { createHmac, randomUUID } from 'node:crypto';
import { base58Id, type FlexStackStore, type SimDeployment } from './store.js';
import { deploymentJson } from './serialize.js';
import { postWebhook } from '../core/postWebhook.js';

/** Where the simulator delivers its webhooks, and the signing secret. */
export interface FlexStackWebhookTarget {
  readonly url: string;
  readonly secret: string;
}

export type FlexStackDeploymentEventType = 'deployments.in_progress' | 'deployments.succeeded' | 'deployments.failed';

/** One delivery attempt, for tests and the demo log. */
export interface FlexStackWebhookDelivery {
  readonly id: string;
  readonly type: FlexStackDeploymentEventType;
  readonly deploymentId: string;
  /** The receiver's HTTP status; 0 when it could not be reached. */
  readonly status: number;
}

/**
 * Runs deployments (kept in the store, where the deployment routes read
 * them) and sends the webhooks FlexStack sends about them: body
 * `{id, type, timestamp, data}` signed `X-FlexStack-Signature:
 * sha256=<hex HMAC-SHA256 of the raw body>`. `data` is the deployment.
 */
export class FlexStackWebhookSender {
  target: FlexStackWebhookTarget | undefined;
  readonly deliveries: FlexStackWebhookDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private minted = 0;

  constructor(private readonly store: FlexStackStore) {}

  /** Starts a deployment (in_progress now); it finishes with `outcome` after `durationMs`, or when {@link finish} is called. */
  deploy(projectId: string, options: { readonly outcome?: 'succeeded' | 'failed'; readonly durationMs?: number } = {}): SimDeployment {
    const project = this.store.projects.find((candidate) => candidate.id === projectId);
    if (project === undefined) throw new Error(`FlexStack simulator: no project ${projectId}`);
    const deployment: SimDeployment = {
      id: base58Id(`flex-deployment:${projectId}:${this.minted++}`),
      projectId,
      environmentId: project.defaultEnvironmentId,
      status: 'in_progress',
      createdAt: new Date().toISOString(),
      finishedAt: null,
    };
    this.store.addDeployment(deployment);
    this.send(deployment);
    if (options.durationMs !== undefined) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.finish(deployment, options.outcome ?? 'succeeded');
      }, options.durationMs);
      this.timers.add(timer);
    }
    return deployment;
  }

  /** Ends a deployment and announces it. */
  finish(deployment: SimDeployment, outcome: 'succeeded' | 'failed'): void {
    if (deployment.status !== 'in_progress') return;
    deployment.status = outcome;
    deployment.finishedAt = new Date().toISOString();
    this.send(deployment);
  }

  /** Waits for deliveries in flight. */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  /** Cancels deployments still waiting to finish, and waits for deliveries in flight. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.flush();
  }

  /** The body FlexStack sends about a deployment's current status. */
  bodyOf(deployment: SimDeployment): Record<string, unknown> {
    return {
      id: randomUUID(),
      type: `deployments.${deployment.status}`,
      timestamp: deployment.finishedAt ?? deployment.createdAt,
      data: deploymentJson(deployment),
    };
  }

  private send(deployment: SimDeployment): void {
    const target = this.target;
    if (target === undefined) return;
    const body = this.bodyOf(deployment);
    const sending = this.deliver(target, body, deployment.id).finally(() => this.pending.delete(sending));
    this.pending.add(sending);
  }

  private async deliver(target: FlexStackWebhookTarget, body: Record<string, unknown>, deploymentId: string): Promise<void> {
    const raw = JSON.stringify(body);
    const signature = createHmac('sha256', target.secret).update(raw).digest('hex');
    const status = await postWebhook(target.url, raw, { 'content-type': 'application/json', 'x-flexstack-signature': `sha256=${signature}`, 'user-agent': 'FlexStack-Webhooks/1.0' });
    this.deliveries.push({ id: String(body['id']), type: body['type'] as FlexStackDeploymentEventType, deploymentId, status });
    if (this.deliveries.length > 1_000) this.deliveries.shift();
  }
}
