import type { IncomingHttpHeaders } from 'node:http';
import type { EventBus } from '../bus/EventBus.js';
import { objectAt, publishing, textAt, type Receiver, type ReceivedEvent, type VerifiedDelivery } from './Receiver.js';
import { headerOf } from '../../http/headerOf.js';
import { verifySha256Header } from './signatures.js';
import { buildPath } from '../../upstreams/buildPath.js';
import { ghesOperations } from '../../upstreams/ghes/operations.js';

/** The path of a deleted hook as reads of it were cached: built as the operation builds it, or none for an id that names no hook. */
function hookPaths(hookId: string | null): string[] {
  if (hookId === null) return [];
  try {
    return [buildPath(ghesOperations.getGlobalWebhook, { hook_id: hookId })];
  } catch {
    return [];
  }
}

/**
 * GitHub Enterprise Server webhooks, signed `X-Hub-Signature-256:
 * sha256=<hex>`, identified by `X-GitHub-Delivery`. `workflow_run` and
 * `check_suite` map to a run status and are published; a `meta` event (a
 * hook deleted) drops cached hooks; the rest are accepted and counted.
 */
export function ghesReceiver(bus: EventBus): Receiver {
  return {
    service: 'ghes',
    verify: (secret: string, raw: Buffer, headers: IncomingHttpHeaders) => verifySha256Header(secret, raw, headerOf(headers, 'x-hub-signature-256')),
    read({ headers, body }: VerifiedDelivery): ReceivedEvent {
      const type = headerOf(headers, 'x-github-event') ?? 'unknown';
      const deliveryId = headerOf(headers, 'x-github-delivery');
      if (type === 'meta') {
        const hookId = textAt(body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {}, 'hook_id');
        const paths = [ghesOperations.listGlobalWebhooks.path, ...hookPaths(hookId)];
        return { deliveryId, type, apply: async () => [{ invalidate: { service: 'ghes', paths } }] };
      }
      const run = type === 'workflow_run' || type === 'check_suite' ? objectAt(body, type) : {};
      const repository = textAt(objectAt(body, 'repository'), 'full_name');
      const runId = textAt(run, 'id');
      const status = textAt(run, 'status');
      if (repository === null || runId === null || status === null) return { deliveryId, type };
      const event = {
        kind: 'ghes.run',
        repository,
        runId,
        status,
        conclusion: textAt(run, 'conclusion'),
        happenedAt: textAt(run, 'updated_at') ?? new Date().toISOString(),
      } as const;
      return { deliveryId, type, apply: publishing(bus, event) };
    },
  };
}
