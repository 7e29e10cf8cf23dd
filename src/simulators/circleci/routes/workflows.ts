import { SimError } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { workflowJobJson, workflowJson } from '../serialize.js';
import type { CircleCiStore } from '../store.js';
import { userOf } from './context.js';
import { bodyObject, visibleWorkflow } from './lookup.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

const active = new Set(['running', 'on_hold', 'failing']);

/** Workflows: reads, their jobs, and cancel / rerun / approve. */
export function workflowRoutes(router: Router, store: CircleCiStore): void {
  router.on(ops.getWorkflowById, (req) => ({ status: 200, body: workflowJson(visibleWorkflow(store, req, req.params['id'] ?? '')) }));

  // The whole list in one answer: the endpoint sends a token but takes none.
  router.on(ops.listWorkflowJobs, (req) => {
    const workflow = visibleWorkflow(store, req, req.params['id'] ?? '');
    return { status: 200, body: { items: store.jobs.filter((job) => job.workflowId === workflow.id).map(workflowJobJson), next_page_token: null } };
  });

  router.on(ops.cancelWorkflow, (req) => {
    const workflow = visibleWorkflow(store, req, req.params['id'] ?? '');
    const user = userOf(store, req);
    if (active.has(workflow.status)) store.cancelWorkflow(workflow, user.id);
    return { status: 202, body: { message: 'Accepted.' } };
  });

  router.on(ops.rerunWorkflow, (req) => {
    const workflow = visibleWorkflow(store, req, req.params['id'] ?? '');
    const body = bodyObject(req);
    const fromFailed = body['from_failed'];
    const jobs = body['jobs'];
    if (fromFailed !== undefined && typeof fromFailed !== 'boolean') throw new SimError(400, 'from_failed must be a boolean');
    if (jobs !== undefined && (!Array.isArray(jobs) || jobs.some((job) => typeof job !== 'string'))) throw new SimError(400, 'jobs must be a list of job ids');
    if (fromFailed === true && Array.isArray(jobs) && jobs.length > 0) throw new SimError(400, 'from_failed and jobs cannot be used together');
    if (active.has(workflow.status)) throw new SimError(400, 'Workflow is still running.');
    if (fromFailed === true && !['failed', 'error'].includes(workflow.status)) throw new SimError(400, 'Workflow has no failed jobs to rerun.');
    const known = new Set(store.jobs.filter((job) => job.workflowId === workflow.id).map((job) => job.id));
    for (const job of (jobs ?? []) as string[]) if (!known.has(job)) throw new SimError(400, `Job ${job} is not part of this workflow.`);
    const pipeline = store.pipelines.find((candidate) => candidate.id === workflow.pipelineId);
    if (pipeline === undefined) throw new SimError(404, 'Workflow not found');
    const rerun = store.addWorkflow(pipeline, workflow.name, 'running', Date.now());
    rerun.startedBy = userOf(store, req).id;
    return { status: 202, body: { workflow_id: rerun.id } };
  });

  router.on(ops.approvePendingApprovalJobById, (req) => {
    const workflow = visibleWorkflow(store, req, req.params['id'] ?? '');
    const approval = req.params['approval_request_id'];
    // CircleCI accepts the approval request id, which for approval jobs is also the job's id.
    const job = store.jobs.find((candidate) => candidate.workflowId === workflow.id && candidate.type === 'approval' && (candidate.approvalRequestId === approval || candidate.id === approval));
    if (job === undefined) throw new SimError(404, 'Approval request not found.');
    if (job.status !== 'on_hold') throw new SimError(400, 'Job is not pending approval.');
    store.approveJob(workflow, job, userOf(store, req).id);
    return { status: 202, body: { message: 'Accepted.' } };
  });
}
