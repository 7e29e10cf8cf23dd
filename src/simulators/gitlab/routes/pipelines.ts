import { SimError } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { gitLabOperations as ops } from '../../../upstreams/gitlab/operations.js';
import { jobJson, pipelineBasicJson, pipelineJson } from '../serializePipeline.js';
import { ciStatuses, type GitLabStore, type SimPipeline, type SimProject } from '../store.js';
import { boolParam, paramError, visibleProject } from './context.js';
import { offsetPaged } from './pagination.js';

/** `scope` of `GET /projects/:id/pipelines`. */
const pipelineScopes: Readonly<Record<string, (pipeline: SimPipeline) => boolean>> = {
  running: (pipeline) => pipeline.status === 'running',
  pending: (pipeline) => pipeline.status === 'pending',
  finished: (pipeline) => ['success', 'failed', 'canceled', 'skipped'].includes(pipeline.status),
  branches: (pipeline) => !pipeline.tag,
  tags: (pipeline) => pipeline.tag,
};

const orders: Readonly<Record<string, (pipeline: SimPipeline) => string | number>> = {
  id: (pipeline) => pipeline.id,
  status: (pipeline) => pipeline.status,
  ref: (pipeline) => pipeline.ref,
  updated_at: (pipeline) => pipeline.updatedAt,
  user_id: (pipeline) => pipeline.userId,
};

/** A Grape `values:` check: 400 `{"error": "<name> does not have a valid value"}`. */
function oneOf(value: string | null, allowed: readonly string[], name: string): string | null {
  if (value !== null && !allowed.includes(value)) throw paramError(`${name} does not have a valid value`);
  return value;
}

function pipelineOf(store: GitLabStore, project: SimProject, idText: string | undefined): SimPipeline {
  const pipeline = store.pipelines.find((candidate) => candidate.projectId === project.id && candidate.id === Number(idText));
  if (pipeline === undefined) throw new SimError(404, '404 Not found');
  return pipeline;
}

/** Project pipelines and their jobs: list, latest, get, jobs, a job (`lib/api/ci/pipelines.rb`, `ci/jobs.rb`). */
export function pipelineRoutes(router: Router, store: GitLabStore, basePath: string): void {
  router.on(ops.listProjectPipelines, (req) => {
    const project = visibleProject(store, req);
    const scope = oneOf(req.query.get('scope'), Object.keys(pipelineScopes), 'scope');
    const status = oneOf(req.query.get('status'), ciStatuses, 'status');
    const orderBy = oneOf(req.query.get('order_by'), Object.keys(orders), 'order_by') ?? 'id';
    const sort = oneOf(req.query.get('sort'), ['asc', 'desc'], 'sort') ?? 'desc';
    const [ref, sha, source] = ['ref', 'sha', 'source'].map((name) => req.query.get(name));
    const key = orders[orderBy] as (pipeline: SimPipeline) => string | number;
    const pipelines = store.pipelines
      .filter(
        (pipeline) =>
          pipeline.projectId === project.id &&
          (scope === null || (pipelineScopes[scope] as (pipeline: SimPipeline) => boolean)(pipeline)) &&
          (status === null || pipeline.status === status) &&
          (ref === null || ref === undefined || pipeline.ref === ref) &&
          (sha === null || sha === undefined || pipeline.sha === sha) &&
          (source === null || source === undefined || pipeline.source === source),
      )
      .sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        return (x < y ? -1 : x > y ? 1 : a.id - b.id) * (sort === 'asc' ? 1 : -1);
      });
    return offsetPaged(store, req, basePath, pipelines, (pipeline) => pipelineBasicJson(store, pipeline));
  });

  // Before `:pipeline_id`, which `latest` would otherwise be taken for.
  router.on(ops.getLatestPipeline, (req) => {
    const project = visibleProject(store, req);
    const ref = req.query.get('ref') ?? project.defaultBranch;
    const latest = store.pipelines.filter((pipeline) => pipeline.projectId === project.id && pipeline.ref === ref).at(-1);
    // GitLab answers 403 when the ref has no pipeline (doc/api/pipelines.md): `authorize!` on a nil pipeline.
    if (latest === undefined) throw new SimError(403, '403 Forbidden');
    return { status: 200, body: pipelineJson(store, latest) };
  });

  router.on(ops.getPipeline, (req) => {
    const project = visibleProject(store, req);
    return { status: 200, body: pipelineJson(store, pipelineOf(store, project, req.params['pipeline_id'])) };
  });

  router.on(ops.listPipelineJobs, (req) => {
    const project = visibleProject(store, req);
    const pipeline = pipelineOf(store, project, req.params['pipeline_id']);
    const scopes = [...req.query.getAll('scope[]'), ...req.query.getAll('scope')];
    for (const scope of scopes) oneOf(scope, ciStatuses, 'scope');
    const retried = boolParam(req.query.get('include_retried')) === true;
    // Newest first, as GitLab's JobsFinder orders them.
    const jobs = store.jobs
      .filter((job) => job.pipelineId === pipeline.id && (retried || !job.retried) && (scopes.length === 0 || scopes.includes(job.status)))
      .sort((a, b) => b.id - a.id);
    return offsetPaged(store, req, basePath, jobs, (job) => jobJson(store, job));
  });

  router.on(ops.getJob, (req) => {
    const project = visibleProject(store, req);
    const job = store.jobs.find((candidate) => candidate.projectId === project.id && candidate.id === Number(req.params['job_id']));
    if (job === undefined) throw new SimError(404, '404 Not found');
    return { status: 200, body: jobJson(store, job) };
  });
}
