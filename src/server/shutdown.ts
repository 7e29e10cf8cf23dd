import type { Server } from 'node:http';

/**
 * When a shutdown hook runs: `draining` as soon as shutdown begins (close
 * long-lived connections such as WebSockets, stop taking new work), `drained`
 * once in-flight HTTP requests are done (close pools and clients).
 */
export type ShutdownPhase = 'draining' | 'drained';

/** One step of a graceful shutdown (closing a server, a pool, a subscription). */
export type ShutdownHook = () => Promise<void> | void;

/**
 * Graceful shutdown of the HTTP server: stop accepting, let in-flight
 * requests finish within a grace period, then close what is left, running
 * the registered hooks of each phase.
 */
export class GracefulShutdown {
  private readonly hooks: Record<ShutdownPhase, ShutdownHook[]> = { draining: [], drained: [] };
  private inFlight = 0;
  private running: Promise<void> | undefined;
  private cutShort = false;

  constructor(
    private readonly server: Server,
    private readonly onHookError: (error: unknown) => void = () => undefined,
  ) {}

  /** True once shutdown has begun. */
  get draining(): boolean {
    return this.running !== undefined;
  }

  /** True when the grace period ended with requests still running, and their connections were closed. */
  get gracePeriodExceeded(): boolean {
    return this.cutShort;
  }

  /** Registers a hook run in the given phase. */
  onShutdown(hook: ShutdownHook, phase: ShutdownPhase = 'draining'): void {
    this.hooks[phase].push(hook);
  }

  /** Counts a request as in flight until its response closes. */
  track(res: { once(event: 'close', listener: () => void): unknown }): void {
    this.inFlight += 1;
    res.once('close', () => {
      this.inFlight -= 1;
    });
  }

  /** Runs the shutdown once; later calls wait for the same one. */
  run(graceMs: number): Promise<void> {
    this.running ??= this.shutdown(graceMs);
    return this.running;
  }

  private async shutdown(graceMs: number): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.runAll(this.hooks.draining);
    const deadline = Date.now() + graceMs;
    let done = false;
    void closed.then(() => {
      done = true;
    });
    // Keep-alive connections stay open after their last response; close them as they go idle.
    while (!done && Date.now() < deadline) {
      this.server.closeIdleConnections();
      await new Promise((resolve) => setTimeout(resolve, this.inFlight > 0 ? 25 : 5));
    }
    if (!done) {
      this.cutShort = this.inFlight > 0;
      this.server.closeAllConnections();
    }
    // Upgraded sockets are not the HTTP server's to close; do not wait on them forever.
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    await this.runAll(this.hooks.drained);
  }

  /** A failing hook must not keep the others (or the process exit) from happening. */
  private async runAll(hooks: readonly ShutdownHook[]): Promise<void> {
    const results = await Promise.allSettled(hooks.map(async (hook) => hook()));
    for (const result of results) if (result.status === 'rejected') this.onHookError(result.reason);
  }
}
