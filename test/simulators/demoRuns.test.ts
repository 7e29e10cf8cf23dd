import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoRuns } from '../../src/simulators/demoRuns.js';
import { startSimulators, type RunningSimulators } from '../../src/simulators/startSimulators.js';
import { waitFor } from '../subscriptions/liveHelpers.js';

let sims: RunningSimulators;
beforeAll(async () => {
  sims = await startSimulators();
});
afterAll(async () => {
  await sims?.close();
});

describe('the demo\'s GitLab and Concord runs', () => {
  it('start on the first projects and move through their states to an end, every third failing', async () => {
    const gitlabBefore = sims.gitlab.store.pipelines.length;
    const concordBefore = sims.concord.store.processes.length;
    const runs = startDemoRuns(sims, { everyMs: 60, stepMs: 10 });
    try {
      const started = () => ({ pipelines: sims.gitlab.store.pipelines.slice(gitlabBefore), processes: sims.concord.store.processes.slice(concordBefore) });
      await waitFor(() => started().pipelines.length >= 2 && started().processes.length >= 1, 'two pipelines and a process');
      await waitFor(() => ['success', 'failed'].every((status) => started().pipelines.slice(0, 2).some((pipeline) => pipeline.status === status)), 'both pipelines ended');
      await waitFor(() => started().processes[0]?.status === 'FINISHED', 'the process ended');
      const [first, second] = started().pipelines;
      expect([first?.status, second?.status, first?.ref]).toEqual(['success', 'failed', 'main']);
      expect([first, second].map((pipeline) => sims.gitlab.store.projectPath(sims.gitlab.store.projects.find((project) => project.id === pipeline?.projectId)!))).toEqual(['acme/api', 'acme/web']);
    } finally {
      runs.stop();
    }
  });
});
