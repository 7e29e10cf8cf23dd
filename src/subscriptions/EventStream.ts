import type { EventBus } from './bus/EventBus.js';
import type { LiveEvent } from './events.js';

/** Events buffered for one slow subscriber before the oldest are dropped. */
const maxBuffered = 1_000;

/**
 * One subscription's events from the bus, as the async iterator GraphQL
 * subscriptions consume. The filter may be async (an access check); events
 * keep their order. `return()` (the client left) removes the listener and
 * runs `onClose` exactly once.
 */
export class EventStream implements AsyncIterableIterator<LiveEvent> {
  private readonly buffer: LiveEvent[] = [];
  private readonly waiting: ((result: IteratorResult<LiveEvent>) => void)[] = [];
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly unlisten: () => void;

  constructor(
    bus: EventBus,
    private readonly filter: (event: LiveEvent) => boolean | Promise<boolean>,
    private readonly onClose: () => void,
    /** Read after listening starts and sent first (unfiltered), so nothing published meanwhile is lost or sent before it. */
    initial?: (() => Promise<LiveEvent | null>) | undefined,
  ) {
    if (initial !== undefined) {
      this.chain = initial().then(
        (event) => {
          if (event !== null && !this.closed) this.deliver(event);
        },
        () => undefined,
      );
    }
    this.unlisten = bus.listen((message) => {
      const event = message.event;
      if (event !== undefined) this.chain = this.chain.then(() => this.offer(event));
    });
  }

  private async offer(event: LiveEvent): Promise<void> {
    if (this.closed) return;
    let wanted: boolean;
    try {
      wanted = await this.filter(event);
    } catch {
      wanted = false;
    }
    if (!wanted || this.closed) return;
    this.deliver(event);
  }

  private deliver(event: LiveEvent): void {
    const next = this.waiting.shift();
    if (next !== undefined) {
      next({ value: event, done: false });
      return;
    }
    this.buffer.push(event);
    if (this.buffer.length > maxBuffered) this.buffer.shift();
  }

  next(): Promise<IteratorResult<LiveEvent>> {
    const event = this.buffer.shift();
    if (event !== undefined) return Promise.resolve({ value: event, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<LiveEvent>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<LiveEvent>> {
    this.close();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  /** Ends the stream: pending reads finish, the listener goes, `onClose` runs once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unlisten();
    this.buffer.length = 0;
    for (const resolve of this.waiting.splice(0)) resolve({ value: undefined, done: true });
    this.onClose();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
