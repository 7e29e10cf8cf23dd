import { bool, int, num, obj, str } from '../decode.js';
import type { GitLabJobModel, GitLabPipelineModel } from './models.js';
import type { WireJob, WirePipeline } from './wire.js';

/**
 * Maps a pipeline: `detailed` when read on its own (`GET …/pipelines/:id`,
 * `…/pipelines/latest`), not when it is an item of a list, which carries
 * fewer fields. `projectId` is the project it was read under, for a body
 * that leaves it out.
 */
export function toPipeline(wire: WirePipeline, detailed: boolean, projectId?: number): GitLabPipelineModel {
  const user = obj(wire.user);
  return {
    __typename: 'GitLabPipeline',
    id: int(wire.id) ?? 0,
    iid: int(wire.iid),
    projectId: int(wire.project_id) ?? projectId ?? 0,
    status: str(wire.status) ?? '',
    ref: str(wire.ref),
    sha: str(wire.sha),
    source: str(wire.source),
    name: str(wire.name),
    webUrl: str(wire.web_url),
    createdAt: str(wire.created_at),
    updatedAt: str(wire.updated_at),
    detailed,
    beforeSha: str(wire.before_sha),
    tag: bool(wire.tag),
    yamlErrors: str(wire.yaml_errors),
    userName: user === null ? null : str(user['username']),
    startedAt: str(wire.started_at),
    finishedAt: str(wire.finished_at),
    committedAt: str(wire.committed_at),
    duration: int(wire.duration),
    queuedDuration: int(wire.queued_duration),
    // GitLab sends a pipeline's coverage as a string ("98.29").
    coverage: num(wire.coverage),
  };
}

/** Maps a job of a project. */
export function toJob(wire: WireJob, projectId: number): GitLabJobModel {
  const pipeline = obj(wire.pipeline);
  return {
    __typename: 'GitLabJob',
    id: int(wire.id) ?? 0,
    projectId: int(pipeline?.['project_id']) ?? projectId,
    pipelineId: int(pipeline?.['id']),
    name: str(wire.name) ?? '',
    stage: str(wire.stage),
    status: str(wire.status) ?? '',
    ref: str(wire.ref),
    tag: bool(wire.tag) ?? false,
    allowFailure: bool(wire.allow_failure) ?? false,
    failureReason: str(wire.failure_reason),
    coverage: num(wire.coverage),
    createdAt: str(wire.created_at),
    startedAt: str(wire.started_at),
    finishedAt: str(wire.finished_at),
    erasedAt: str(wire.erased_at),
    duration: num(wire.duration),
    queuedDuration: num(wire.queued_duration),
    webUrl: str(wire.web_url),
  };
}
