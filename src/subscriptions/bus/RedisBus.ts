import type { Redis } from 'ioredis';
import { deliver, type BusMessage, type EventBus } from './EventBus.js';

/**
 * The bus across replicas: Redis pub/sub on one channel. Publishing uses the
 * shared command connection; receiving needs a dedicated connection, since a
 * subscribed Redis connection can run no other command.
 */
export class RedisBus implements EventBus {
  private readonly listeners = new Set<(message: BusMessage) => void>();
  private readonly ready: Promise<unknown>;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly channel: string,
  ) {
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel !== this.channel) return;
      let message: BusMessage;
      try {
        message = JSON.parse(raw) as BusMessage;
      } catch {
        return;
      }
      deliver(this.listeners, message);
    });
    this.ready = this.subscriber.subscribe(channel);
  }

  /** Resolves once the subscription is active, so no message published after it is missed. */
  async whenReady(): Promise<void> {
    await this.ready;
  }

  async publish(message: BusMessage): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(message));
  }

  listen(listener: (message: BusMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isConnected(): boolean {
    return this.subscriber.status === 'ready';
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
