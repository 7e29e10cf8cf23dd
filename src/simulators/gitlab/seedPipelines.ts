import { createHash } from 'node:crypto';
import { pick, seededRandom } from '../core/ids.js';
import type { GitLabStore, SimPipeline, SimProject } from './store.js';

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000Z');
const sha = (text: string): string => createHash('sha1').update(text).digest('hex');

/** The jobs of every seeded pipeline, by stage. */
const jobPlan: readonly (readonly [stage: string, name: string, allowFailure: boolean])[] = [
  ['build', 'compile', false],
  ['test', 'unit', false],
  ['test', 'lint', true],
  ['deploy', 'staging', false],
];

/** How many pipelines each seeded project has: acme/api enough to need several pages. */
const pipelineCounts: Readonly<Record<string, number>> = {
  'acme/api': 24,
  'acme/web': 6,
  'acme/platform/gateway': 4,
  'globex/payments': 3,
  'linus/subsurface': 2,
};

/** A seeded job's status, from its pipeline's. */
function jobStatus(pipeline: SimPipeline, index: number): string {
  if (pipeline.finishedAt === null) return index === 0 ? 'running' : 'created';
  // A failed pipeline's last job is the one that failed; those before it passed.
  if (pipeline.status === 'failed') return index === jobPlan.length - 1 ? 'failed' : 'success';
  return pipeline.status;
}

/** Adds a pipeline's jobs (compile, unit, lint, staging), with statuses that agree with its own. */
export function addJobs(store: GitLabStore, pipeline: SimPipeline, createdMs: number): void {
  jobPlan.forEach(([stage, name, allowFailure], index) => {
    const startedMs = createdMs + 30_000 + index * 60_000;
    const status = jobStatus(pipeline, index);
    store.addJob({
      pipelineId: pipeline.id,
      projectId: pipeline.projectId,
      name,
      stage,
      status,
      allowFailure,
      createdAt: iso(createdMs),
      startedAt: status === 'created' ? null : iso(startedMs),
      finishedAt: pipeline.finishedAt === null ? null : iso(startedMs + 45_000),
      failureReason: status === 'failed' ? 'script_failure' : null,
      retried: false,
    });
  });
}

/**
 * Seeds pipelines and their jobs: newest last, on the default branch, a
 * feature branch and release tags, mostly finished; each project's newest
 * default-branch pipeline runs. One acme/api pipeline had its unit job
 * retried (the first attempt failed). Deterministic for a seed, and apart
 * from the rest of the seed so that adding pipelines changes nothing else.
 */
export function seedPipelines(store: GitLabStore, seed: number): void {
  const random = seededRandom(seed * 7919 + 1);
  const start = Date.UTC(2025, 5, 2, 8, 0, 0);
  let clock = 0;
  for (const [path, count] of Object.entries(pipelineCounts)) {
    const project = store.projectByPath(path) as SimProject;
    for (let n = 0; n < count; n++) {
      const newest = n === count - 1;
      const ref = newest || n % 3 !== 1 ? project.defaultBranch : n % 6 === 4 ? `v1.${n}.0` : 'feature/search';
      const createdMs = start + clock++ * 3_600_000;
      const status = newest ? 'running' : pick(random, ['success', 'success', 'success', 'failed', 'canceled']);
      const finishedMs = createdMs + 240_000 + Math.floor(random() * 120_000);
      const pipeline = store.addPipeline({
        projectId: project.id,
        ref,
        tag: ref.startsWith('v1.'),
        sha: sha(`${path}#${n}`),
        beforeSha: sha(`${path}#${n - 1}`),
        status,
        source: pick(random, ['push', 'push', 'merge_request_event', 'schedule', 'web']),
        name: null,
        userId: project.creatorId,
        createdAt: iso(createdMs),
        updatedAt: iso(newest ? createdMs + 60_000 : finishedMs),
        startedAt: iso(createdMs + 20_000),
        finishedAt: newest ? null : iso(finishedMs),
        coverage: status === 'success' ? (80 + Math.floor(random() * 200) / 10).toFixed(2) : null,
      });
      addJobs(store, pipeline, createdMs);
      if (path === 'acme/api' && n === 2) {
        // The unit job was retried: the first attempt stays, listed only with include_retried.
        store.addJob({
          pipelineId: pipeline.id,
          projectId: project.id,
          name: 'unit',
          stage: 'test',
          status: 'failed',
          allowFailure: false,
          createdAt: iso(createdMs),
          startedAt: iso(createdMs + 60_000),
          finishedAt: iso(createdMs + 90_000),
          failureReason: 'runner_system_failure',
          retried: true,
        });
      }
    }
  }
}
