import { createHash } from 'node:crypto';
import { Router } from '../core/Router.js';
import { SimError } from '../core/Simulator.js';
import { addJobs } from './seedPipelines.js';
import { ciStatuses, type GitLabStore, type SimPipeline, type SimProject } from './store.js';
import type { GitLabWebhookSender } from './webhookSender.js';

/** Starts a pipeline on a ref (`created`, its jobs waiting) and announces it. */
export function startGitLabPipeline(store: GitLabStore, webhooks: GitLabWebhookSender, project: SimProject, ref: string): SimPipeline {
  const now = Date.now();
  const at = new Date(now).toISOString();
  const previous = store.pipelines.filter((pipeline) => pipeline.projectId === project.id).at(-1);
  const sha = createHash('sha1').update(`${project.id}#${store.pipelines.length}#${at}`).digest('hex');
  const pipeline = store.addPipeline({
    projectId: project.id,
    ref,
    tag: false,
    sha,
    beforeSha: previous?.sha ?? '0000000000000000000000000000000000000000',
    status: 'created',
    source: 'web',
    name: null,
    userId: project.creatorId,
    createdAt: at,
    updatedAt: at,
    startedAt: null,
    finishedAt: null,
    coverage: null,
  });
  addJobs(store, pipeline, now);
  // Nothing has started yet: every job waits.
  for (const job of store.jobs) {
    if (job.pipelineId !== pipeline.id) continue;
    job.status = 'created';
    job.startedAt = null;
  }
  webhooks.pipelineChanged(pipeline);
  return pipeline;
}

/** Moves a pipeline to a status, as a runner would, and announces it. */
export function moveGitLabPipeline(store: GitLabStore, webhooks: GitLabWebhookSender, pipeline: SimPipeline, status: string): void {
  store.setPipelineStatus(pipeline, status, new Date().toISOString());
  webhooks.pipelineChanged(pipeline);
}

/**
 * The GitLab simulator's run controls, under `/__sim/`, as GitLab's runners
 * and its `Ci::Pipeline` state machine move pipelines:
 * - `POST /projects/:id/pipelines {ref?}` starts a pipeline (`created`, its
 *   jobs waiting) on a ref, the project's default branch by default;
 * - `POST /pipelines/:id/status {status}` moves one. GitLab's transitions go
 *   from any status to any other but `created` (only a new pipeline is
 *   created); 409 for the status it already has.
 * Each change is delivered as a Pipeline Hook when a hook target is set.
 */
export function gitLabRunControls(store: GitLabStore, webhooks: GitLabWebhookSender): Router {
  const router = new Router();
  router.post('/projects/:id/pipelines', (req) => {
    const project = store.projects.find((candidate) => String(candidate.id) === req.params['id']);
    if (project === undefined) throw new SimError(404, `No project ${req.params['id'] ?? ''}`);
    const ref = (req.body as { ref?: unknown } | undefined)?.ref ?? project.defaultBranch;
    if (typeof ref !== 'string' || ref === '') throw new SimError(400, 'ref must be a branch or tag name');
    const pipeline = startGitLabPipeline(store, webhooks, project, ref);
    return { status: 201, body: { id: pipeline.id, iid: pipeline.iid, status: pipeline.status, ref } };
  });
  router.post('/pipelines/:id/status', (req) => {
    const pipeline = store.pipelines.find((candidate) => String(candidate.id) === req.params['id']);
    if (pipeline === undefined) throw new SimError(404, `No pipeline ${req.params['id'] ?? ''}`);
    const status = (req.body as { status?: unknown } | undefined)?.status;
    if (typeof status !== 'string' || !ciStatuses.includes(status) || status === 'created') {
      throw new SimError(400, `status must be one of ${ciStatuses.filter((name) => name !== 'created').join(', ')}`);
    }
    if (pipeline.status === status) throw new SimError(409, `Pipeline ${pipeline.id} is already ${status}`);
    moveGitLabPipeline(store, webhooks, pipeline, status);
    return { status: 200, body: { id: pipeline.id, iid: pipeline.iid, status: pipeline.status } };
  });
  return router;
}
