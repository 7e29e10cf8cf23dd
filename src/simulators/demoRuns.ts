import { concordMoves, moveConcordProcess, startConcordProcess } from './concord/runControls.js';
import { moveGitLabPipeline, startGitLabPipeline } from './gitlab/runControls.js';
import type { RunningSimulators } from './startSimulators.js';

/** How demo runs are paced. */
export interface DemoRunsOptions {
  /** A new run every so many ms, GitLab's and Concord's in turn. */
  readonly everyMs: number;
  /** Each run moves to its next status after so many ms. */
  readonly stepMs: number;
}

const gitLabProjects = ['acme/api', 'acme/web'];
const concordProjects = ['analytics', 'api-gateway'];
const gitLabSteps = ['pending', 'running'];
const concordSteps = ['PREPARING', 'ENQUEUED', 'STARTING', 'RUNNING'];

/**
 * Starts GitLab pipelines and Concord processes on the demo's first
 * projects and moves them through their states, as CircleCI's live clock and
 * FlexStack's deploy timer do for theirs, so the live board changes on every
 * service; every third run fails. Timers are unref'd; `stop()` ends them.
 */
export function startDemoRuns(simulators: RunningSimulators, options: DemoRunsOptions): { stop(): void } {
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, step: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      step();
    }, ms);
    timer.unref();
    timers.add(timer);
  };
  let turn = 0;
  const startRun = (): void => {
    const n = turn++;
    const fails = n % 3 === 2;
    if (n % 2 === 0) {
      const { store, webhooks } = simulators.gitlab;
      const project = store.projectByPath(gitLabProjects[(n / 2) % gitLabProjects.length] ?? 'acme/api');
      if (project === undefined) return;
      const pipeline = startGitLabPipeline(store, webhooks, project, project.defaultBranch);
      [...gitLabSteps, fails ? 'failed' : 'success'].forEach((status, index) => later((index + 1) * options.stepMs, () => moveGitLabPipeline(store, webhooks, pipeline, status)));
    } else {
      const { store } = simulators.concord;
      const org = store.orgByName('Default');
      const project = org === undefined ? undefined : store.projectIn(org.id, concordProjects[((n - 1) / 2) % concordProjects.length] ?? 'analytics');
      if (project === undefined) return;
      const process = startConcordProcess(store, project);
      [...concordSteps, fails ? 'FAILED' : 'FINISHED'].forEach((status, index) =>
        later((index + 1) * options.stepMs, () => {
          if (concordMoves(process, status)) moveConcordProcess(process, status);
        }),
      );
    }
  };
  const interval = setInterval(startRun, options.everyMs);
  interval.unref();
  return {
    stop() {
      clearInterval(interval);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
