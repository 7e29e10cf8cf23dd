import type { IncomingHttpHeaders } from 'node:http';
import type { BusMessage, EventBus } from '../bus/EventBus.js';
import type { LiveEvent } from '../events.js';
import type { WebhookService } from '../../config/liveSettings.js';
import { isJsonObject } from '../../http/isJsonObject.js';

/** A delivery whose signature passed, parsed. */
export interface VerifiedDelivery {
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** What a receiver makes of a verified delivery. */
export interface ReceivedEvent {
  /** The delivery id duplicates share, if the service sends one. */
  readonly deliveryId: string | undefined;
  /** The event's kind in the service's terms, for counting. */
  readonly type: string;
  /** Publishes what a new delivery changes (absent when nothing maps); returns further messages for every replica (cache paths to drop). */
  readonly apply?: (() => Promise<readonly BusMessage[]>) | undefined;
}

/** One service's webhook receiver. */
export interface Receiver {
  readonly service: WebhookService;
  /** Checks the signature on the raw body in constant time. */
  verify(secret: string, raw: Buffer, headers: IncomingHttpHeaders): boolean;
  /** Reads a verified delivery; throws a {@link DeliveryError} when its body is unusable. */
  read(delivery: VerifiedDelivery): ReceivedEvent;
}

/** A verified delivery that cannot be read (answered 400). */
export class DeliveryError extends Error {}

/** A plain object field, or an empty one. */
export function objectAt(value: unknown, key: string): Record<string, unknown> {
  const field = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return isJsonObject(field) ? field : {};
}

/** A string or number field as a string. */
export function textAt(value: Record<string, unknown>, key: string): string | null {
  const field = value[key];
  if (typeof field === 'string') return field;
  if (typeof field === 'number' && Number.isFinite(field)) return String(field);
  return null;
}

/**
 * The `apply` of a delivery that announces one live event: publishes it,
 * then returns the cache paths it makes stale on every replica, if any.
 */
export function publishing(bus: EventBus, event: LiveEvent, stale?: BusMessage['invalidate']): () => Promise<readonly BusMessage[]> {
  return async () => {
    await bus.publish({ event });
    return stale === undefined ? [] : [{ invalidate: stale }];
  };
}
