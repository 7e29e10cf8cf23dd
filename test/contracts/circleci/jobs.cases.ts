import { circleCiOperations as ops } from '../../../src/upstreams/circleci/operations.js';
import type { ContractCase } from './ContractCase.js';

type Sim = Parameters<ContractCase['request']>[0];
// Real CircleCI sends `started_at: null` for jobs that have not started, which
// the spec does not allow; the listing case uses a finished workflow.
const finishedWorkflow = (sim: Sim) => sim.store.workflows.find((w) => w.status === 'success' && w.projectSlug === 'gh/acme/api')!;
const testJob = (sim: Sim) => sim.store.jobs.find((j) => j.name === 'test' && j.jobNumber !== null && j.stoppedAt !== null && j.projectSlug === 'gh/acme/api')!;
const heldWorkflow = (sim: Sim) => sim.store.workflows.find((w) => w.status === 'on_hold' && w.projectSlug === 'gh/acme/web')!;
const heldJob = (sim: Sim) => sim.store.jobs.find((j) => j.workflowId === heldWorkflow(sim).id && j.status === 'on_hold')!;
const failedWorkflow = (sim: Sim) => sim.store.workflows.find((w) => w.status === 'failed' && w.projectSlug === 'gh/acme/api')!;
const runningJob = (sim: Sim) => sim.store.jobs.find((j) => j.status === 'running' && j.jobNumber !== null && j.projectSlug === 'gh/acme/mobile')!;
const runningWorkflow = (sim: Sim) => sim.store.workflows.find((w) => w.status === 'running' && w.projectSlug === 'gh/acme/infra')!;
const testJobPath = (sim: Sim) => ({ 'project-slug': 'gh/acme/api', 'job-number': testJob(sim).jobNumber! });

export const cases: ContractCase[] = [
  { operation: ops.listWorkflowJobs, request: (sim) => ({ path: { id: finishedWorkflow(sim).id } }) },
  { operation: ops.getJobDetails, request: (sim) => ({ path: testJobPath(sim) }) },
  { operation: ops.getJobArtifacts, request: (sim) => ({ path: testJobPath(sim) }) },
  { operation: ops.getTests, request: (sim) => ({ path: testJobPath(sim) }) },
  {
    operation: ops.approvePendingApprovalJobById,
    request: (sim) => ({ path: { id: heldWorkflow(sim).id, approval_request_id: heldJob(sim).approvalRequestId! } }),
  },
  { operation: ops.rerunWorkflow, request: (sim) => ({ path: { id: failedWorkflow(sim).id }, body: { from_failed: true } }) },
  { operation: ops.cancelJob, request: (sim) => ({ path: { 'project-slug': 'gh/acme/mobile', 'job-number': runningJob(sim).jobNumber! } }) },
  { operation: ops.cancelWorkflow, request: (sim) => ({ path: { id: runningWorkflow(sim).id } }) },
];
