import type { Coordination } from './Coordination.js';

/** A map that forgets its oldest entries past a size, and entries past their expiry. */
class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(private readonly maxEntries: number) {}

  get(key: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, ttlMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: Date.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** Coordination within one process, bounded in memory. */
export class MemoryCoordination implements Coordination {
  private readonly seen = new ExpiringMap<true>(50_000);
  private readonly statuses = new ExpiringMap<string>(50_000);
  private readonly pipelines = new ExpiringMap<Record<string, string>>(10_000);
  private readonly leases = new ExpiringMap<string>(10_000);

  async firstSeen(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.seen.get(key) !== undefined) return false;
    this.seen.set(key, true, ttlSeconds * 1000);
    return true;
  }

  async forget(key: string): Promise<void> {
    this.seen.delete(key);
  }

  async swapStatus(key: string, status: string): Promise<string | null> {
    const previous = this.statuses.get(key) ?? null;
    this.statuses.set(key, status, 86_400_000);
    return previous;
  }

  async peekStatus(key: string): Promise<string | null> {
    return this.statuses.get(key) ?? null;
  }

  async recordWorkflow(pipelineId: string, workflowId: string, status: string): Promise<Readonly<Record<string, string>>> {
    const known = { ...this.pipelines.get(pipelineId), [workflowId]: status };
    this.pipelines.set(pipelineId, known, 86_400_000);
    return known;
  }

  async acquireLease(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const holder = this.leases.get(name);
    if (holder !== undefined && holder !== owner) return false;
    this.leases.set(name, owner, ttlMs);
    return true;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    if (this.leases.get(name) === owner) this.leases.delete(name);
  }
}
