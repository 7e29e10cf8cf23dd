import { enumName, int, list, obj, str } from '../decode.js';
import {
  pipelineStates,
  workflowStatuses,
  type CircleCiPipelineModel,
  type CircleCiPipelineTrigger,
  type CircleCiPipelineVcs,
  type CircleCiProjectModel,
  type CircleCiWorkflowModel,
} from './models.js';
import type { WirePipeline, WireProject, WireWorkflow } from './wire.js';

/** Maps `GET /project/{slug}`. */
export function toProject(wire: WireProject): CircleCiProjectModel {
  const vcs = obj(wire.vcs_info);
  return {
    __typename: 'CircleCIProject',
    id: str(wire.id) ?? '',
    slug: str(wire.slug) ?? '',
    name: str(wire.name) ?? '',
    organizationName: str(wire.organization_name) ?? '',
    organizationSlug: str(wire.organization_slug) ?? '',
    organizationId: str(wire.organization_id) ?? '',
    vcsUrl: str(vcs?.['vcs_url']),
    vcsProvider: str(vcs?.['provider']),
    defaultBranch: str(vcs?.['default_branch']),
  };
}

function toTrigger(value: unknown): CircleCiPipelineTrigger | null {
  const trigger = obj(value);
  if (trigger === null) return null;
  const actor = obj(trigger['actor']);
  return {
    type: str(trigger['type']) ?? 'unknown',
    receivedAt: str(trigger['received_at']),
    actorLogin: str(actor?.['login']),
    actorAvatarUrl: str(actor?.['avatar_url']),
  };
}

function toVcs(value: unknown): CircleCiPipelineVcs | null {
  const vcs = obj(value);
  if (vcs === null) return null;
  const commit = obj(vcs['commit']);
  return {
    providerName: str(vcs['provider_name']),
    originRepositoryUrl: str(vcs['origin_repository_url']),
    targetRepositoryUrl: str(vcs['target_repository_url']),
    revision: str(vcs['revision']),
    branch: str(vcs['branch']),
    tag: str(vcs['tag']),
    reviewId: str(vcs['review_id']),
    reviewUrl: str(vcs['review_url']),
    commitSubject: str(commit?.['subject']),
    commitBody: str(commit?.['body']),
  };
}

/** Maps a pipeline from any of the pipeline endpoints. */
export function toPipeline(wire: WirePipeline): CircleCiPipelineModel {
  return {
    __typename: 'CircleCIPipeline',
    id: str(wire.id) ?? '',
    number: int(wire.number),
    projectSlug: str(wire.project_slug) ?? '',
    state: enumName(wire.state, pipelineStates),
    rawState: str(wire.state) ?? 'unknown',
    createdAt: str(wire.created_at),
    updatedAt: str(wire.updated_at),
    errors: list(wire.errors).map((error) => {
      const record = obj(error);
      return { type: str(record?.['type']) ?? 'other', message: str(record?.['message']) ?? '' };
    }),
    trigger: toTrigger(wire.trigger),
    triggerParameters: obj(wire.trigger_parameters),
    vcs: toVcs(wire.vcs),
  };
}

/** Maps a workflow from `GET /workflow/{id}` or a pipeline's workflow list. */
export function toWorkflow(wire: WireWorkflow): CircleCiWorkflowModel {
  return {
    __typename: 'CircleCIWorkflow',
    id: str(wire.id) ?? '',
    name: str(wire.name) ?? '',
    pipelineId: str(wire.pipeline_id) ?? '',
    pipelineNumber: int(wire.pipeline_number),
    projectSlug: str(wire.project_slug) ?? '',
    status: enumName(wire.status, workflowStatuses),
    rawStatus: str(wire.status) ?? 'unknown',
    tag: str(wire.tag),
    startedBy: str(wire.started_by),
    canceledBy: str(wire.canceled_by),
    erroredBy: str(wire.errored_by),
    createdAt: str(wire.created_at),
    stoppedAt: str(wire.stopped_at),
  };
}
