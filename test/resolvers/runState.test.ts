import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

/** Each service's status names and the run state a dashboard should see for them. */
const gitLab: [string, string][] = [
  ['created', 'PENDING'],
  ['waiting_for_resource', 'PENDING'],
  ['preparing', 'PENDING'],
  ['pending', 'PENDING'],
  ['scheduled', 'PENDING'],
  ['running', 'RUNNING'],
  ['canceling', 'RUNNING'],
  ['manual', 'BLOCKED'],
  ['waiting_for_callback', 'BLOCKED'],
  ['success', 'SUCCEEDED'],
  ['failed', 'FAILED'],
  ['canceled', 'CANCELED'],
  ['skipped', 'SKIPPED'],
  ['some_future_status', 'UNKNOWN'],
];
const concord: [string, string][] = [
  ['NEW', 'PENDING'],
  ['PREPARING', 'PENDING'],
  ['ENQUEUED', 'PENDING'],
  ['WAITING', 'PENDING'],
  ['STARTING', 'PENDING'],
  ['RUNNING', 'RUNNING'],
  ['RESUMING', 'RUNNING'],
  ['SUSPENDED', 'BLOCKED'],
  ['FINISHED', 'SUCCEEDED'],
  ['FAILED', 'FAILED'],
  ['TIMED_OUT', 'FAILED'],
  ['CANCELLED', 'CANCELED'],
  ['SOMETHING_NEW', 'UNKNOWN'],
];
const flexStack: [string, string][] = [
  ['in_progress', 'RUNNING'],
  ['succeeded', 'SUCCEEDED'],
  ['failed', 'FAILED'],
];

describe('Pipeline.runState: one vocabulary for every service\'s runs', () => {
  it.each(gitLab)('GitLab %s is %s', async (status, runState) => {
    const pipeline = t.simulators.gitlab.store.pipelines[0];
    if (pipeline === undefined) throw new Error('the seed has no GitLab pipeline');
    pipeline.status = status;
    const result = await t.gql(`query ($project: String!, $id: Int!) { gitlabProject(idOrPath: $project) { pipeline(pipelineId: $id) { status runState } } }`, {
      project: String(pipeline.projectId),
      id: pipeline.id,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['gitlabProject'].pipeline).toEqual({ status, runState });
  });

  it.each(concord)('Concord %s is %s', async (status, runState) => {
    const process = t.simulators.concord.store.processes[0];
    if (process === undefined) throw new Error('the seed has no Concord process');
    process.status = status;
    const result = await t.gql(`query ($id: String!) { concordProcess(instanceId: $id) { status runState } }`, { id: process.instanceId });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['concordProcess']).toEqual({ status, runState });
  });

  it.each(flexStack)('FlexStack %s is %s', async (status, runState) => {
    const deployment = t.simulators.flexstack.store.deployments[0];
    if (deployment === undefined) throw new Error('the seed has no FlexStack deployment');
    deployment.status = status as typeof deployment.status;
    const result = await t.gql(`query ($id: String!) { flexstackDeployment(id: $id) { status runState } }`, { id: deployment.id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['flexstackDeployment']).toEqual({ status, runState });
  });

  describe('a CircleCI pipeline, from its workflows', () => {
    type WorkflowStatus = Parameters<typeof t.simulators.circleci.store.addWorkflow>[2];
    let number = 90_000;
    /** A new pipeline of gh/acme/api in `state` with workflows in `statuses`; its id. */
    function pipelineWith(statuses: readonly WorkflowStatus[], state: 'created' | 'errored' = 'created'): string {
      const store = t.simulators.circleci.store;
      // Runs that never finish while the test looks at them.
      store.runDurationMs = 3_600_000;
      const pipeline = store.addPipeline('gh/acme/api', number++, Date.now(), { branch: 'main', actor: 'grace', triggerType: 'api', state });
      statuses.forEach((status, i) => store.addWorkflow(pipeline, `workflow-${i}`, status, Date.now()));
      return pipeline.id;
    }

    const cases: [string, readonly WorkflowStatus[], 'created' | 'errored', string][] = [
      ['no workflow yet', [], 'created', 'PENDING'],
      ['an errored pipeline', [], 'errored', 'FAILED'],
      ['every workflow succeeded', ['success', 'success'], 'created', 'SUCCEEDED'],
      ['one still running beside a failed one', ['failed', 'running'], 'created', 'RUNNING'],
      ['a failing one still runs', ['success', 'failing'], 'created', 'RUNNING'],
      ['one waits on an approval', ['success', 'on_hold'], 'created', 'BLOCKED'],
      ['one failed', ['success', 'failed'], 'created', 'FAILED'],
      ['one errored', ['error'], 'created', 'FAILED'],
      ['one canceled, none failed', ['success', 'canceled'], 'created', 'CANCELED'],
      ['none ran', ['not_run'], 'created', 'SKIPPED'],
    ];
    it.each(cases)('%s', async (_name, statuses, state, runState) => {
      const id = pipelineWith(statuses, state);
      const result = await t.gql(`query ($id: ID!) { circleciPipeline(id: $id) { runState } }`, { id });
      expect(result.errors).toBeUndefined();
      expect(result.data?.['circleciPipeline']).toEqual({ runState });
    });

    it('reads the workflows once for the run state and the workflows beside it', async () => {
      const id = pipelineWith(['success', 'failed']);
      await t.clearRequests();
      const result = await t.gql(`query ($id: ID!) { circleciPipeline(id: $id) { runState workflows(first: 5) { edges { node { status } } } } }`, { id });
      expect(result.data?.['circleciPipeline']).toEqual({ runState: 'FAILED', workflows: { edges: [{ node: { status: 'success' } }, { node: { status: 'failed' } }] } });
      const workflowReads = (await t.requests('circleci')).filter((request) => request.path === `/api/v2/pipeline/${id}/workflow`);
      expect(workflowReads).toHaveLength(1);
    });

    it('costs only its own field when the workflows cannot be read', async () => {
      const id = pipelineWith(['success']);
      await t.fault('circleci', { path: `/pipeline/${id}/workflow$`, status: 500, times: 1 });
      const result = await t.gql(`query ($id: ID!) { circleciPipeline(id: $id) { number status runState } }`, { id });
      expect(result.data?.['circleciPipeline']).toMatchObject({ status: 'created', runState: null });
      expect(result.errors).toEqual([expect.objectContaining({ path: ['circleciPipeline', 'runState'], extensions: expect.objectContaining({ code: 'UPSTREAM_ERROR', service: 'circleci' }) })]);
    });
  });
});
