import type DataLoader from 'dataloader';
import { GatewayError } from '../../errors/GatewayError.js';
import type { Connection, ConnectionArgs } from '../../relay/connection.js';
import { keyLoader } from '../loaderUtils.js';
import type { GitLabCiStatus, GitLabJobModel, GitLabPipelineModel } from './models.js';
import type { GitLabApi } from './api.js';
import { gitLabConnection, offsetPage, offsetQuery } from './paging.js';
import { toJob, toPipeline } from './pipelineMappers.js';
import { projectChildKey, type ProjectChildKey } from './projectChildKey.js';

/** Which of a project's pipelines a listing covers. */
export interface GitLabPipelineFilter {
  readonly ref?: string | null | undefined;
  readonly status?: GitLabCiStatus | null | undefined;
}

/** Which of a pipeline's jobs a listing covers. */
export interface GitLabJobFilter {
  readonly scope?: readonly GitLabCiStatus[] | null | undefined;
  readonly includeRetried?: boolean | null | undefined;
}

/**
 * One request's reads of GitLab CI: pipelines and jobs by project and id
 * (the project by numeric id, as pipeline hooks name it, so that a hook
 * purges exactly these reads), a project's pipelines newest first, its
 * latest pipeline, and a pipeline's jobs.
 */
export class GitLabPipelineLoaders {
  /** A pipeline read whole (`GET …/pipelines/:pipeline_id`). */
  readonly pipeline: DataLoader<ProjectChildKey, GitLabPipelineModel, string>;
  readonly job: DataLoader<ProjectChildKey, GitLabJobModel, string>;

  constructor(private readonly api: GitLabApi) {
    this.pipeline = keyLoader('gitlab.pipeline', 
      async ({ project, id }) => toPipeline((await api.getPipeline({ path: { id: project, pipeline_id: id } })).body, true, Number(project)),
      projectChildKey,
    );
    this.job = keyLoader('gitlab.job', async ({ project, id }) => toJob((await api.getJob({ path: { id: project, job_id: id } })).body, Number(project)), projectChildKey);
  }

  /** A project's pipelines, newest first, each in GitLab's list form (the rest is read with the pipeline when asked for). */
  pipelines(projectId: number, args: ConnectionArgs & GitLabPipelineFilter): Promise<Connection<GitLabPipelineModel>> {
    const filter = { ref: args.ref ?? undefined, status: args.status ?? undefined };
    return gitLabConnection(args, async (token, size) => {
      const response = await this.api.listProjectPipelines({ path: { id: projectId }, query: { ...filter, ...offsetQuery(token, size) } });
      return offsetPage(response, (wire) => toPipeline(wire, false, projectId));
    });
  }

  /**
   * The latest pipeline of a ref (the default branch when none is given), or
   * null when it has none: GitLab then answers 403 (as `doc/api/pipelines.md`
   * says), the same answer as to a credential that may not read pipelines.
   * A project the credential cannot see (404) is null too, unless
   * `projectMustExist`, when it stays a NOT_FOUND error (a poller of a project
   * must not report its pipeline gone when the project went out of sight).
   */
  async latestPipeline(projectId: number, ref: string | null | undefined, options: { readonly projectMustExist?: boolean } = {}): Promise<GitLabPipelineModel | null> {
    const response = await this.api.getLatestPipeline({ path: { id: projectId }, query: { ref: ref ?? undefined } }).catch((error: unknown) => {
      if (error instanceof GatewayError && (error.code === 'FORBIDDEN' || (error.code === 'NOT_FOUND' && options.projectMustExist !== true))) return null;
      throw error;
    });
    if (response === null) return null;
    const pipeline = toPipeline(response.body, true, projectId);
    this.pipeline.prime({ project: String(projectId), id: pipeline.id }, pipeline);
    return pipeline;
  }

  /** A pipeline's jobs (retried ones only when asked), each primed for its by-id loader. */
  jobs(projectId: number, pipelineId: number, args: ConnectionArgs & GitLabJobFilter): Promise<Connection<GitLabJobModel>> {
    const filter = { 'scope[]': args.scope == null || args.scope.length === 0 ? undefined : [...args.scope], include_retried: args.includeRetried ?? undefined };
    return gitLabConnection(args, async (token, size) => {
      const response = await this.api.listPipelineJobs({ path: { id: projectId, pipeline_id: pipelineId }, query: { ...filter, ...offsetQuery(token, size) } });
      const page = offsetPage(response, (wire) => toJob(wire, projectId));
      for (const job of page.items) this.job.prime({ project: String(job.projectId), id: job.id }, job);
      return page;
    });
  }
}
