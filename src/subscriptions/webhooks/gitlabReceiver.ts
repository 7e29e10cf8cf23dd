import type { IncomingHttpHeaders } from 'node:http';
import type { EventBus } from '../bus/EventBus.js';
import { objectAt, publishing, textAt, type Receiver, type ReceivedEvent, type VerifiedDelivery } from './Receiver.js';
import { headerOf } from '../../http/headerOf.js';
import { constantTimeEqual } from './signatures.js';

/**
 * GitLab webhooks: `X-Gitlab-Token` carries the secret as configured (GitLab
 * does not sign bodies), `X-Gitlab-Event-UUID` identifies the delivery.
 * `Pipeline Hook` events are published; the rest are accepted and counted.
 */
export function gitLabReceiver(bus: EventBus): Receiver {
  return {
    service: 'gitlab',
    verify: (secret: string, _raw: Buffer, headers: IncomingHttpHeaders) => {
      const token = headerOf(headers, 'x-gitlab-token');
      return token !== undefined && constantTimeEqual(token, secret);
    },
    read({ headers, body }: VerifiedDelivery): ReceivedEvent {
      const type = headerOf(headers, 'x-gitlab-event') ?? 'unknown';
      const deliveryId = headerOf(headers, 'x-gitlab-event-uuid') ?? headerOf(headers, 'idempotency-key');
      const attributes = objectAt(body, 'object_attributes');
      const project = objectAt(body, 'project');
      const projectId = textAt(project, 'id');
      const pipelineId = textAt(attributes, 'id');
      const status = textAt(attributes, 'status');
      if (type !== 'Pipeline Hook' || projectId === null || pipelineId === null || status === null) {
        return { deliveryId, type };
      }
      const event = {
        kind: 'gitlab.pipeline',
        projectId,
        projectPath: textAt(project, 'path_with_namespace'),
        pipelineId,
        status,
        ref: textAt(attributes, 'ref'),
        happenedAt: textAt(attributes, 'finished_at') ?? textAt(attributes, 'created_at') ?? new Date().toISOString(),
      } as const;
      const stale = { service: 'gitlab', paths: [`/projects/${projectId}/pipelines`, `/projects/${projectId}/pipelines/${pipelineId}`] } as const;
      return { deliveryId, type, apply: publishing(bus, event, stale) };
    },
  };
}
