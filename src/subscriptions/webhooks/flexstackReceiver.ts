import type { IncomingHttpHeaders } from 'node:http';
import type { EventBus } from '../bus/EventBus.js';
import type { DeploymentState } from '../../upstreams/flexstack/models.js';
import { DeliveryError, objectAt, publishing, textAt, type Receiver, type ReceivedEvent, type VerifiedDelivery } from './Receiver.js';
import { headerOf } from '../../http/headerOf.js';
import { verifySha256Header } from './signatures.js';

const statusOfType: Readonly<Record<string, DeploymentState>> = {
  'deployments.in_progress': 'IN_PROGRESS',
  'deployments.succeeded': 'SUCCEEDED',
  'deployments.failed': 'FAILED',
};

/**
 * FlexStack webhooks: body `{id, type, timestamp, data}` signed
 * `X-FlexStack-Signature: sha256=<hex>`, de-duplicated on the body's `id`
 * (FlexStack retries for a day on non-2xx).
 */
export function flexStackReceiver(bus: EventBus): Receiver {
  return {
    service: 'flexstack',
    verify: (secret: string, raw: Buffer, headers: IncomingHttpHeaders) => verifySha256Header(secret, raw, headerOf(headers, 'x-flexstack-signature')),
    read({ body }: VerifiedDelivery): ReceivedEvent {
      const root = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      const type = textAt(root, 'type') ?? 'unknown';
      const eventId = textAt(root, 'id');
      const status = statusOfType[type];
      if (status === undefined) return { deliveryId: eventId ?? undefined, type };
      const data = objectAt(body, 'data');
      // The data's field names are not documented: accept the likely spellings.
      const deploymentId = textAt(data, 'deployment_id') ?? textAt(data, 'id');
      const projectId = textAt(data, 'project_id') ?? textAt(data, 'projectId') ?? textAt(objectAt(data, 'project'), 'id');
      if (eventId === null || deploymentId === null || projectId === null) {
        throw new DeliveryError('A FlexStack deployment event needs id, data.id (or data.deployment_id) and data.project_id');
      }
      const event = {
        kind: 'flexstack.deployment',
        eventId,
        deploymentId,
        projectId,
        status,
        timestamp: textAt(root, 'timestamp') ?? new Date().toISOString(),
        data: root['data'] ?? null,
      } as const;
      // The project's path covers its deployment list; the deployment is also read by its own id.
      const stale = { service: 'flexstack', paths: [`/projects/${projectId}`, `/deployments/${deploymentId}`] } as const;
      return { deliveryId: eventId, type, apply: publishing(bus, event, stale) };
    },
  };
}
