import { enumName, int, list, num, obj, str, strList } from '../decode.js';
import {
  jobStatuses,
  jobTypes,
  type CircleCiArtifactModel,
  type CircleCiJobDetailsModel,
  type CircleCiJobModel,
  type CircleCiTestResultModel,
} from './modelsJobs.js';
import type { WireArtifact, WireJobDetails, WireTestResult, WireWorkflowJob } from './wire.js';

/** Maps one job of `GET /workflow/{id}/job`; the list does not repeat the workflow id, so it is passed in. */
export function toJob(wire: WireWorkflowJob, workflowId: string): CircleCiJobModel {
  return {
    __typename: 'CircleCIJob',
    id: str(wire.id) ?? '',
    workflowId,
    jobNumber: int(wire.job_number),
    name: str(wire.name) ?? '',
    projectSlug: str(wire.project_slug) ?? '',
    status: enumName(wire.status, jobStatuses),
    rawStatus: str(wire.status) ?? 'unknown',
    type: enumName(wire.type, jobTypes),
    startedAt: str(wire.started_at),
    stoppedAt: str(wire.stopped_at),
    dependencies: strList(wire.dependencies),
    approvalRequestId: str(wire.approval_request_id),
    approvedBy: str(wire.approved_by),
    canceledBy: str(wire.canceled_by),
  };
}

/** Maps `GET /project/{slug}/job/{number}`. `slug` is the one asked for, as the body has it only nested. */
export function toJobDetails(wire: WireJobDetails, slug: string): CircleCiJobDetailsModel {
  const project = obj(wire.project);
  const executor = obj(wire.executor);
  const workflow = obj(wire.latest_workflow);
  return {
    __typename: 'CircleCIJobDetails',
    number: int(wire.number) ?? 0,
    name: str(wire.name) ?? '',
    projectSlug: str(project?.['slug']) ?? slug,
    projectId: str(project?.['id']),
    projectName: str(project?.['name']),
    projectUrl: str(project?.['external_url']),
    organizationName: str(obj(wire.organization)?.['name']),
    webUrl: str(wire.web_url),
    status: enumName(wire.status, jobStatuses),
    rawStatus: str(wire.status) ?? 'unknown',
    createdAt: str(wire.created_at),
    queuedAt: str(wire.queued_at),
    startedAt: str(wire.started_at),
    stoppedAt: str(wire.stopped_at),
    durationMs: int(wire.duration),
    parallelism: int(wire.parallelism),
    parallelRuns: list(wire.parallel_runs).map((run) => ({ index: int(obj(run)?.['index']) ?? 0, status: str(obj(run)?.['status']) ?? 'unknown' })),
    executorResourceClass: str(executor?.['resource_class']),
    executorType: str(executor?.['type']),
    latestWorkflowId: str(workflow?.['id']),
    latestWorkflowName: str(workflow?.['name']),
    pipelineId: str(obj(wire.pipeline)?.['id']),
    messages: list(wire.messages).map((message) => ({
      type: str(obj(message)?.['type']) ?? '',
      message: str(obj(message)?.['message']) ?? '',
      reason: str(obj(message)?.['reason']),
    })),
    contexts: list(wire.contexts).map((context) => str(obj(context)?.['name'])).filter((name): name is string => name !== null),
  };
}

/** Maps one artifact of `GET /project/{slug}/{number}/artifacts`. */
export function toArtifact(wire: WireArtifact): CircleCiArtifactModel {
  return { __typename: 'CircleCIArtifact', path: str(wire.path) ?? '', nodeIndex: int(wire.node_index) ?? 0, url: str(wire.url) ?? '' };
}

/** Maps one test result of `GET /project/{slug}/{number}/tests`. */
export function toTestResult(wire: WireTestResult): CircleCiTestResultModel {
  return {
    __typename: 'CircleCITestResult',
    name: str(wire.name) ?? '',
    classname: str(wire.classname) ?? '',
    file: str(wire.file),
    result: str(wire.result) ?? 'unknown',
    message: str(wire.message),
    source: str(wire.source),
    runTimeSeconds: num(wire.run_time),
  };
}
