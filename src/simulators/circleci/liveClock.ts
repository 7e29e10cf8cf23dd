import type { CircleCiStore } from './store.js';

/** How often the live clock moves runs on and starts new pipelines. */
export interface LiveClockOptions {
  /** How often running workflows are moved on (and their webhooks sent). */
  readonly advanceEveryMs: number;
  /** How often a new pipeline starts on a demo project; never when absent. */
  readonly newPipelineEveryMs?: number | undefined;
}

const demoProjects = ['gh/acme/api', 'gh/acme/web'];

/**
 * Moves simulated time on by itself, so pipelines finish (and webhooks go
 * out) without any request; optionally starts new pipelines, so a demo keeps
 * showing live changes. Timers are unref'd and stopped by `stop()`.
 */
export function startLiveClock(store: CircleCiStore, options: LiveClockOptions): { stop(): void } {
  const timers: NodeJS.Timeout[] = [setInterval(() => store.advance(), options.advanceEveryMs)];
  if (options.newPipelineEveryMs !== undefined) {
    let turn = 0;
    timers.push(
      setInterval(() => {
        const slug = demoProjects[turn++ % demoProjects.length] ?? 'gh/acme/api';
        const number = Math.max(0, ...store.pipelines.filter((pipeline) => pipeline.projectSlug === slug).map((pipeline) => pipeline.number)) + 1;
        const pipeline = store.addPipeline(slug, number, Date.now(), { branch: 'main', actor: 'ada', triggerType: 'webhook' });
        store.addWorkflow(pipeline, 'build-and-test', turn % 4 === 0 ? 'failing' : 'running', Date.now());
      }, options.newPipelineEveryMs),
    );
  }
  for (const timer of timers) timer.unref();
  return {
    stop() {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
