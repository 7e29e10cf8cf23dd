import type { CircleCiStore, SimJob, SimPipeline, SimProject, SimWorkflow } from './store.js';

/** The wire shapes of the simulator's objects, as CircleCI API v2 sends them. */

/** The CircleCI JSON of a stored project. */
export function projectJson(store: CircleCiStore, project: SimProject): Record<string, unknown> {
  const org = store.orgs.find((candidate) => candidate.slug === project.orgSlug);
  const [vcs, orgName] = project.orgSlug.split('/') as [string, string];
  const host = vcs === 'bb' ? 'https://bitbucket.org' : 'https://github.com';
  return {
    slug: project.slug,
    name: project.name,
    id: project.id,
    organization_name: orgName,
    organization_slug: project.orgSlug,
    organization_id: org?.id ?? '',
    vcs_info: {
      vcs_url: `${host}/${orgName}/${project.name}`,
      provider: vcs === 'bb' ? 'Bitbucket' : vcs === 'circleci' ? 'CircleCI' : 'GitHub',
      default_branch: 'main',
    },
  };
}

/** The CircleCI JSON of a stored pipeline. */
export function pipelineJson(store: CircleCiStore, pipeline: SimPipeline): Record<string, unknown> {
  const [, orgName, name] = pipeline.projectSlug.split('/') as [string, string, string];
  const actor = store.users.find((user) => user.login === pipeline.actor);
  return {
    id: pipeline.id,
    errors: pipeline.state === 'errored' ? [{ type: 'config', message: 'Config does not conform to schema' }] : [],
    project_slug: pipeline.projectSlug,
    updated_at: pipeline.updatedAt,
    number: pipeline.number,
    trigger_parameters: pipeline.parameters,
    state: pipeline.state,
    created_at: pipeline.createdAt,
    trigger: {
      type: pipeline.triggerType,
      received_at: pipeline.createdAt,
      actor: { login: pipeline.actor, avatar_url: `https://avatars.example.com/${actor?.login ?? pipeline.actor}` },
    },
    vcs: {
      provider_name: pipeline.projectSlug.startsWith('bb/') ? 'Bitbucket' : 'GitHub',
      target_repository_url: `https://github.com/${orgName}/${name}`,
      ...(pipeline.tag !== undefined ? { tag: pipeline.tag } : { branch: pipeline.branch }),
      review_id: '123',
      review_url: `https://github.com/${orgName}/${name}/pull/123`,
      revision: pipeline.revision,
      origin_repository_url: `https://github.com/${orgName}/${name}`,
      commit: { subject: `Change #${pipeline.number}`, body: 'Seeded commit' },
    },
  };
}

/** The CircleCI JSON of a stored workflow. */
export function workflowJson(workflow: SimWorkflow): Record<string, unknown> {
  return {
    pipeline_id: workflow.pipelineId,
    ...(workflow.canceledBy !== undefined ? { canceled_by: workflow.canceledBy } : {}),
    id: workflow.id,
    name: workflow.name,
    project_slug: workflow.projectSlug,
    status: workflow.status,
    started_by: workflow.startedBy,
    pipeline_number: workflow.pipelineNumber,
    created_at: workflow.createdAt,
    stopped_at: workflow.stoppedAt,
  };
}

/** The CircleCI JSON of a stored job of a workflow. */
export function workflowJobJson(job: SimJob): Record<string, unknown> {
  return {
    ...(job.approvalRequestId !== undefined ? { approval_request_id: job.approvalRequestId } : {}),
    ...(job.approvedBy !== undefined ? { approved_by: job.approvedBy } : {}),
    ...(job.canceledBy !== undefined ? { canceled_by: job.canceledBy } : {}),
    dependencies: job.dependencies,
    ...(job.jobNumber !== null ? { job_number: job.jobNumber } : {}),
    id: job.id,
    started_at: job.startedAt,
    name: job.name,
    project_slug: job.projectSlug,
    status: job.status,
    type: job.type,
    ...(job.stoppedAt !== null ? { stopped_at: job.stoppedAt } : {}),
  };
}
