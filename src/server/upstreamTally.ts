import type { UpstreamObserver } from '../upstreams/http/types.js';

/** Upstream calls made on behalf of one request. */
export interface UpstreamUsage {
  readonly calls: number;
  readonly durationMs: number;
}

interface Entry {
  calls: number;
  durationMs: number;
  holders: number;
}

/**
 * Counts upstream calls per request id while the request runs, for the
 * operation log line. Requests that reuse a client-sent id share a tally.
 */
export class UpstreamTally {
  private readonly entries = new Map<string, Entry>();

  /** Starts counting for a request. */
  begin(requestId: string): void {
    const entry = this.entries.get(requestId);
    if (entry === undefined) this.entries.set(requestId, { calls: 0, durationMs: 0, holders: 1 });
    else entry.holders += 1;
  }

  /** Stops counting for a request and returns what it used. */
  end(requestId: string): UpstreamUsage {
    const entry = this.entries.get(requestId);
    if (entry === undefined) return { calls: 0, durationMs: 0 };
    entry.holders -= 1;
    if (entry.holders <= 0) this.entries.delete(requestId);
    return { calls: entry.calls, durationMs: entry.durationMs };
  }

  /** Counts calls of requests that are being tallied; others are ignored. */
  readonly observer: UpstreamObserver = {
    onCall: (event) => {
      if (event.requestId === undefined) return;
      const entry = this.entries.get(event.requestId);
      if (entry === undefined) return;
      entry.calls += 1;
      entry.durationMs += event.durationMs;
    },
  };
}

/** One observer that forwards every call to each of the given observers. */
export function combineObservers(observers: readonly (UpstreamObserver | undefined)[]): UpstreamObserver {
  const present = observers.filter((observer): observer is UpstreamObserver => observer !== undefined);
  return {
    onCall(event) {
      for (const observer of present) observer.onCall(event);
    },
  };
}
