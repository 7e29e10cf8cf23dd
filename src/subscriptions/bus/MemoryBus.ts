import { deliver, type BusMessage, type EventBus } from './EventBus.js';

/** The bus of a single replica: messages go to this process's listeners only. */
export class MemoryBus implements EventBus {
  private readonly listeners = new Set<(message: BusMessage) => void>();

  async publish(message: BusMessage): Promise<void> {
    // A JSON round trip, as over Redis, so both buses hand out equal copies.
    const copy = JSON.parse(JSON.stringify(message)) as BusMessage;
    queueMicrotask(() => deliver(this.listeners, copy));
  }

  listen(listener: (message: BusMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isConnected(): boolean {
    return true;
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
