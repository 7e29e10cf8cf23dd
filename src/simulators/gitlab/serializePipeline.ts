import { userJson } from './serialize.js';
import { externalUrl, type GitLabStore, type SimJob, type SimNamespace, type SimPipeline, type SimProject, type SimUser } from './store.js';

/** The wire shapes of the simulator's pipelines and jobs, as GitLab REST v4 and its pipeline hooks send them. */

const seconds = (from: string | null, to: string | null): number | null => (from === null || to === null ? null : Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/** GitLab's hook payloads write times as `2025-06-02 08:00:00 UTC`. */
const hookTime = (time: string | null): string | null => (time === null ? null : `${time.slice(0, 19).replace('T', ' ')} UTC`);

/** The words GitLab's UI shows for a status (`detailed_status.text`). */
const statusText: Readonly<Record<string, string>> = { success: 'passed', failed: 'failed', canceled: 'canceled', running: 'running', created: 'created', pending: 'pending', skipped: 'skipped', manual: 'manual' };

function projectOf(store: GitLabStore, projectId: number): SimProject {
  return store.projects.find((project) => project.id === projectId) as SimProject;
}

function pipelineUrl(store: GitLabStore, pipeline: SimPipeline): string {
  return `${externalUrl}/${store.projectPath(projectOf(store, pipeline.projectId))}/-/pipelines/${pipeline.id}`;
}

/** A pipeline as lists carry it (`Entities::Ci::PipelineBasicWithMetadata`). */
export function pipelineBasicJson(store: GitLabStore, pipeline: SimPipeline): Record<string, unknown> {
  return {
    id: pipeline.id,
    iid: pipeline.iid,
    project_id: pipeline.projectId,
    sha: pipeline.sha,
    ref: pipeline.ref,
    status: pipeline.status,
    source: pipeline.source,
    created_at: pipeline.createdAt,
    updated_at: pipeline.updatedAt,
    web_url: pipelineUrl(store, pipeline),
    name: pipeline.name,
  };
}

/** A pipeline read on its own (`Entities::Ci::PipelineWithMetadata`). */
export function pipelineJson(store: GitLabStore, pipeline: SimPipeline): Record<string, unknown> {
  const user = store.users.find((candidate) => candidate.id === pipeline.userId) as SimUser;
  const text = statusText[pipeline.status] ?? pipeline.status;
  return {
    ...pipelineBasicJson(store, pipeline),
    before_sha: pipeline.beforeSha,
    tag: pipeline.tag,
    yaml_errors: null,
    user: userJson(store, user),
    started_at: pipeline.startedAt,
    finished_at: pipeline.finishedAt,
    committed_at: null,
    duration: seconds(pipeline.startedAt, pipeline.finishedAt),
    queued_duration: seconds(pipeline.createdAt, pipeline.startedAt),
    coverage: pipeline.coverage,
    detailed_status: {
      icon: `status_${pipeline.status}`,
      text,
      label: text,
      group: pipeline.status,
      tooltip: text,
      has_details: true,
      details_path: new URL(pipelineUrl(store, pipeline)).pathname,
      illustration: null,
      favicon: `/assets/ci_favicons/favicon_status_${pipeline.status}.png`,
    },
    archived: false,
  };
}

/** A job (`Entities::Ci::Job`). */
export function jobJson(store: GitLabStore, job: SimJob): Record<string, unknown> {
  const pipeline = store.pipelines.find((candidate) => candidate.id === job.pipelineId) as SimPipeline;
  const user = store.users.find((candidate) => candidate.id === pipeline.userId) as SimUser;
  return {
    id: job.id,
    status: job.status,
    stage: job.stage,
    name: job.name,
    ref: pipeline.ref,
    tag: pipeline.tag,
    coverage: null,
    allow_failure: job.allowFailure,
    created_at: job.createdAt,
    started_at: job.startedAt,
    finished_at: job.finishedAt,
    erased_at: null,
    duration: job.startedAt === null ? null : (Date.parse(job.finishedAt ?? new Date().toISOString()) - Date.parse(job.startedAt)) / 1000,
    queued_duration: job.startedAt === null ? null : (Date.parse(job.startedAt) - Date.parse(job.createdAt)) / 1000,
    user: userJson(store, user),
    commit: { id: pipeline.sha, short_id: pipeline.sha.slice(0, 8), title: `Commit ${pipeline.sha.slice(0, 8)}`, created_at: pipeline.createdAt },
    pipeline: pipelineBasicJson(store, pipeline),
    ...(job.status === 'failed' ? { failure_reason: job.failureReason } : {}),
    web_url: `${externalUrl}/${store.projectPath(projectOf(store, job.projectId))}/-/jobs/${job.id}`,
    project: { ci_job_token_scope_enabled: false },
    artifacts: [],
    runner: null,
    artifacts_expire_at: null,
    archived: false,
    tag_list: [],
  };
}

/**
 * The body of the `Pipeline Hook` GitLab delivers when a pipeline changes
 * (`doc/user/project/integrations/webhook_events.md`), for the same stored
 * pipeline the API reads.
 */
export function pipelineHookJson(store: GitLabStore, pipeline: SimPipeline): Record<string, unknown> {
  const project = projectOf(store, pipeline.projectId);
  const namespace = store.namespace(project.namespaceId) as SimNamespace;
  const user = store.users.find((candidate) => candidate.id === pipeline.userId) as SimUser;
  const path = store.projectPath(project);
  const jobs = store.jobs.filter((job) => job.pipelineId === pipeline.id && !job.retried);
  return {
    object_kind: 'pipeline',
    object_attributes: {
      id: pipeline.id,
      iid: pipeline.iid,
      name: pipeline.name,
      ref: pipeline.ref,
      tag: pipeline.tag,
      sha: pipeline.sha,
      before_sha: pipeline.beforeSha,
      source: pipeline.source,
      status: pipeline.status,
      detailed_status: statusText[pipeline.status] ?? pipeline.status,
      stages: [...new Set(jobs.map((job) => job.stage))],
      created_at: hookTime(pipeline.createdAt),
      finished_at: hookTime(pipeline.finishedAt),
      duration: seconds(pipeline.startedAt, pipeline.finishedAt),
      queued_duration: seconds(pipeline.createdAt, pipeline.startedAt),
      variables: [],
      url: pipelineUrl(store, pipeline),
    },
    merge_request: null,
    user: { id: user.id, name: user.name, username: user.username, avatar_url: store.avatarUrl(user), email: '[REDACTED]' },
    project: {
      id: project.id,
      name: project.name,
      description: project.description,
      web_url: `${externalUrl}/${path}`,
      avatar_url: null,
      git_ssh_url: `git@gitlab.example.com:${path}.git`,
      git_http_url: `${externalUrl}/${path}.git`,
      namespace: namespace.name,
      visibility_level: { private: 0, internal: 10, public: 20 }[project.visibility],
      path_with_namespace: path,
      default_branch: project.defaultBranch,
      ci_config_path: null,
    },
    commit: { id: pipeline.sha, message: `Commit ${pipeline.sha.slice(0, 8)}\n`, title: `Commit ${pipeline.sha.slice(0, 8)}`, timestamp: pipeline.createdAt, url: `${externalUrl}/${path}/-/commit/${pipeline.sha}` },
    builds: jobs.map((job) => ({
      id: job.id,
      stage: job.stage,
      name: job.name,
      status: job.status,
      created_at: hookTime(job.createdAt),
      started_at: hookTime(job.startedAt),
      finished_at: hookTime(job.finishedAt),
      duration: seconds(job.startedAt, job.finishedAt),
      queued_duration: seconds(job.createdAt, job.startedAt),
      failure_reason: job.failureReason,
      when: 'on_success',
      manual: false,
      allow_failure: job.allowFailure,
      user: { id: user.id, name: user.name, username: user.username },
      runner: null,
      artifacts_file: { filename: null, size: null },
      environment: null,
    })),
  };
}
