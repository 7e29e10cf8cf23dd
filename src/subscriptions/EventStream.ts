import type { EventBus } from './bus/EventBus.js';
import type { LiveEvent } from './events.js';

/** Events buffered for one slow subscriber before the oldest are dropped. */
const maxBuffered = 1_000;

/**
 * One subscription's events from the bus, as the async iterator GraphQL
 * subscriptions consume. `select` turns a bus event into what the
 * subscriber gets, or undefined to leave it out; it may be async (an access
 * check), and events keep their order. `return()` (the client left) removes
 * the listener and runs `onClose` exactly once.
 */
export class EventStream<T = LiveEvent> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private readonly waiting: ((result: IteratorResult<T>) => void)[] = [];
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly unlisten: () => void;

  constructor(
    bus: EventBus,
    private readonly select: (event: LiveEvent) => T | undefined | Promise<T | undefined>,
    private readonly onClose: () => void,
    /** Read after listening starts and sent first (as they are), so nothing published meanwhile is lost or sent before them. */
    initial?: (() => Promise<readonly T[]>) | undefined,
  ) {
    if (initial !== undefined) {
      this.chain = initial().then(
        (events) => {
          for (const event of events) if (!this.closed) this.deliver(event);
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
    let selected: T | undefined;
    try {
      selected = await this.select(event);
    } catch {
      selected = undefined;
    }
    if (selected === undefined || this.closed) return;
    this.deliver(selected);
  }

  private deliver(event: T): void {
    const next = this.waiting.shift();
    if (next !== undefined) {
      next({ value: event, done: false });
      return;
    }
    this.buffer.push(event);
    if (this.buffer.length > maxBuffered) this.buffer.shift();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift() as T, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
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
