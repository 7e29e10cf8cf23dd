import type { ServiceName } from '../../config/ServiceName.js';
import type { LiveEvent } from '../events.js';

/** One message on the bus: an event for subscribers and/or cache paths every replica should drop. */
export interface BusMessage {
  readonly event?: LiveEvent | undefined;
  readonly invalidate?: { readonly service: ServiceName; readonly paths: readonly string[] } | undefined;
}

/** Fan-out of messages to every listener on every replica. */
export interface EventBus {
  publish(message: BusMessage): Promise<void>;
  /** Adds a listener; returns its removal. */
  listen(listener: (message: BusMessage) => void): () => void;
  /** Whether messages from other replicas reach this one now (Redis pub/sub loses what is sent while disconnected). */
  isConnected(): boolean;
  /** How many listeners this replica has (for leak checks). */
  listenerCount(): number;
  close(): Promise<void>;
}

/** Calls each listener, keeping one listener's failure from the others. */
export function deliver(listeners: Iterable<(message: BusMessage) => void>, message: BusMessage): void {
  for (const listener of [...listeners]) {
    try {
      listener(message);
    } catch {
      // A listener that throws must not stop fan-out to the rest.
    }
  }
}
