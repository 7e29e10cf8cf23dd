import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway({ runDurationMs: 800 });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const store = () => t.simulators.circleci.store;

const trigger = /* GraphQL */ `
  mutation ($input: CircleCITriggerPipelineInput!) {
    circleciTriggerPipeline(input: $input) {
      pipeline { id pipelineId number state vcs { branch tag } triggerParameters workflows { edges { node { workflowId name workflowStatus } } } }
    }
  }
`;
const workflowQuery = `query ($id: ID!) { circleciWorkflow(id: $id) { workflowStatus stoppedAt canceledBy jobs { edges { node { name status approvedBy { login } } } } } }`;

describe('CircleCI pipeline and workflow writes through GraphQL', () => {
  it('triggers a pipeline whose workflow runs and then finishes', async () => {
    const result = await t.gql(trigger, { input: { projectSlug: 'gh/acme/web', branch: 'feature/x', parameters: { deploy: true } } });
    expect(result.errors).toBeUndefined();
    const pipeline = result.data?.['circleciTriggerPipeline'].pipeline;
    expect(pipeline).toMatchObject({ number: 13, state: 'CREATED', vcs: { branch: 'feature/x', tag: null }, triggerParameters: { deploy: true } });
    const workflow = pipeline.workflows.edges[0].node;
    expect(workflow).toMatchObject({ name: 'build-and-test', workflowStatus: 'RUNNING' });
    const posted = (await t.requests('circleci')).filter((r) => r.method === 'POST');
    expect(posted.map((r) => r.path)).toEqual(['/api/v2/project/gh/acme/web/pipeline']);

    await sleep(900);
    const later = await t.gql(workflowQuery, { id: workflow.workflowId });
    expect(later.data?.['circleciWorkflow'].workflowStatus).toBe('SUCCESS');
    expect(later.data?.['circleciWorkflow'].jobs.edges.map((e: any) => e.node.status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
  });

  it('refuses a branch with a tag and bad parameters before calling CircleCI', async () => {
    const both = await t.gql(trigger, { input: { projectSlug: 'gh/acme/web', branch: 'main', tag: 'v1' } });
    expect(both.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const nested = await t.gql(trigger, { input: { projectSlug: 'gh/acme/web', parameters: { deep: { a: 1 } } } });
    expect(nested.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await t.requests('circleci')).toEqual([]);
  });

  it('maps an unknown project to NOT_FOUND', async () => {
    const result = await t.gql(trigger, { input: { projectSlug: 'gh/acme/nope' } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('cancels a running workflow', async () => {
    const triggered = await t.gql(trigger, { input: { projectSlug: 'gh/acme/mobile' } });
    const workflowId = triggered.data?.['circleciTriggerPipeline'].pipeline.workflows.edges[0].node.workflowId;
    const result = await t.gql(
      `mutation ($input: CircleCIWorkflowInput!) { circleciCancelWorkflow(input: $input) { message workflow { workflowStatus canceledBy stoppedAt } } }`,
      { input: { workflowId } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['circleciCancelWorkflow'].workflow.workflowStatus).toBe('CANCELED');
    expect(result.data?.['circleciCancelWorkflow'].workflow.canceledBy).toBe(store().users[0]!.id);
    const jobs = await t.gql(workflowQuery, { id: workflowId });
    expect(jobs.data?.['circleciWorkflow'].jobs.edges.map((e: any) => e.node.status)).toEqual(['SUCCESS', 'CANCELED', 'NOT_RUN']);
  });

  it('approves a held job by its workflow\'s global id, and the workflow runs on', async () => {
    const held = store().workflows.find((w) => w.status === 'on_hold' && w.projectSlug === 'gh/acme/api')!;
    const job = store().jobs.find((j) => j.workflowId === held.id && j.status === 'on_hold')!;
    const global = await t.gql(`query ($id: ID!) { circleciWorkflow(id: $id) { id } }`, { id: held.id });
    const result = await t.gql(
      `mutation ($input: CircleCIApproveJobInput!) { circleciApproveJob(input: $input) { message workflow { workflowStatus } } }`,
      { input: { workflowId: global.data?.['circleciWorkflow'].id, approvalRequestId: job.approvalRequestId } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['circleciApproveJob']).toEqual({ message: 'Accepted.', workflow: { workflowStatus: 'RUNNING' } });
    const jobs = await t.gql(workflowQuery, { id: held.id });
    const approved = jobs.data?.['circleciWorkflow'].jobs.edges.find((e: any) => e.node.name === 'hold-for-approval').node;
    expect(approved).toEqual({ name: 'hold-for-approval', status: 'SUCCESS', approvedBy: { login: 'ada' } });

    const again = await t.gql(`mutation ($input: CircleCIApproveJobInput!) { circleciApproveJob(input: $input) { message } }`, {
      input: { workflowId: held.id, approvalRequestId: job.approvalRequestId },
    });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('reruns a failed workflow from failed and returns the new workflow', async () => {
    const failed = store().workflows.find((w) => w.status === 'failed' && w.projectSlug === 'gh/acme/web')!;
    const result = await t.gql(
      `mutation ($input: CircleCIRerunWorkflowInput!) { circleciRerunWorkflow(input: $input) { workflow { workflowId name workflowStatus pipeline { pipelineId } } } }`,
      { input: { workflowId: failed.id, fromFailed: true } },
    );
    expect(result.errors).toBeUndefined();
    const rerun = result.data?.['circleciRerunWorkflow'].workflow;
    expect(rerun.workflowId).not.toBe(failed.id);
    expect(rerun).toMatchObject({ name: failed.name, workflowStatus: 'RUNNING', pipeline: { pipelineId: failed.pipelineId } });
    const rerunCall = (await t.requests('circleci')).find((r) => r.path.endsWith('/rerun'));
    expect(rerunCall?.path).toBe(`/api/v2/workflow/${failed.id}/rerun`);
  });

  it('refuses a rerun from failed with job ids, and a malformed workflow id, before calling CircleCI', async () => {
    const mutation = `mutation ($input: CircleCIRerunWorkflowInput!) { circleciRerunWorkflow(input: $input) { workflow { workflowId } } }`;
    const both = await t.gql(mutation, { input: { workflowId: store().workflows[0]!.id, fromFailed: true, jobIds: [store().jobs[0]!.id] } });
    expect(both.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const bad = await t.gql(mutation, { input: { workflowId: 'nope' } });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await t.requests('circleci')).toEqual([]);
  });

  it('cancels a running job by number', async () => {
    const triggered = await t.gql(trigger, { input: { projectSlug: 'gh/acme/infra' } });
    const workflowId = triggered.data?.['circleciTriggerPipeline'].pipeline.workflows.edges[0].node.workflowId;
    const running = store().jobs.find((j) => j.workflowId === workflowId && j.status === 'running')!;
    const result = await t.gql(
      `mutation ($input: CircleCICancelJobInput!) { circleciCancelJob(input: $input) { message job { number status workflow { workflowStatus } } } }`,
      { input: { projectSlug: 'gh/acme/infra', jobNumber: running.jobNumber } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['circleciCancelJob'].job).toEqual({ number: running.jobNumber, status: 'CANCELED', workflow: { workflowStatus: 'CANCELED' } });
  });

  it('continues a setup pipeline once', async () => {
    const [key, continuation] = [...store().continuations.entries()][0]!;
    const mutation = `mutation ($input: CircleCIContinuePipelineInput!) { circleciContinuePipeline(input: $input) { message } }`;
    const input = { continuationKey: key, configuration: 'version: 2.1\nworkflows: {}\n', parameters: { deploy: true } };
    const result = await t.gql(mutation, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['circleciContinuePipeline'].message).toBe('Pipeline continued.');
    const pipeline = await t.gql(`query ($id: ID!) { circleciPipeline(id: $id) { state config { source setupConfig } } }`, { id: continuation.pipelineId });
    expect(pipeline.data?.['circleciPipeline'].state).toBe('CREATED');
    expect(pipeline.data?.['circleciPipeline'].config.source).toBe(input.configuration);
    expect(pipeline.data?.['circleciPipeline'].config.setupConfig).toContain('version: 2.1');
    const again = await t.gql(mutation, { input });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
  });

  it('refuses a job number below 1 before calling CircleCI', async () => {
    const result = await t.gql(`mutation { circleciCancelJob(input: { projectSlug: "gh/acme/api", jobNumber: 0 }) { message } }`);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await t.requests('circleci')).toEqual([]);
  });
});
