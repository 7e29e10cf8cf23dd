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

export const cases: ContractCase[] = [
  { operationId: 'listWorkflowJobs', request: (sim) => ({ method: 'GET', path: `/workflow/${finishedWorkflow(sim).id}/job` }) },
  { operationId: 'getJobDetails', request: (sim) => ({ method: 'GET', path: `/project/gh/acme/api/job/${testJob(sim).jobNumber}` }) },
  { operationId: 'getJobArtifacts', request: (sim) => ({ method: 'GET', path: `/project/gh/acme/api/${testJob(sim).jobNumber}/artifacts` }) },
  { operationId: 'getTests', request: (sim) => ({ method: 'GET', path: `/project/gh/acme/api/${testJob(sim).jobNumber}/tests` }) },
  {
    operationId: 'approvePendingApprovalJobById',
    request: (sim) => ({ method: 'POST', path: `/workflow/${heldWorkflow(sim).id}/approve/${heldJob(sim).approvalRequestId}` }),
  },
  { operationId: 'rerunWorkflow', request: (sim) => ({ method: 'POST', path: `/workflow/${failedWorkflow(sim).id}/rerun`, body: { from_failed: true } }) },
  { operationId: 'cancelJob', request: (sim) => ({ method: 'POST', path: `/project/gh/acme/mobile/job/${runningJob(sim).jobNumber}/cancel` }) },
  { operationId: 'cancelWorkflow', request: (sim) => ({ method: 'POST', path: `/workflow/${runningWorkflow(sim).id}/cancel` }) },
];
