import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

// CircleCI's job and pipeline numbers are int64 (its OpenAPI description says so); these are past 32 bits.
const pipelineNumber = 2 ** 31 + 5;
const jobNumber = 2 ** 32 + 7;

describe('CircleCI 64-bit numbers', () => {
  it('a pipeline, its workflow and job numbered past 2^31 arrive whole, with no error', async () => {
    const store = t.simulators.circleci.store;
    const workflow = store.workflows.find((w) => w.status === 'success' && w.projectSlug === 'gh/acme/api' && store.jobs.some((j) => j.workflowId === w.id && j.jobNumber !== null));
    const pipeline = store.pipelines.find((p) => p.id === workflow?.pipelineId);
    const job = store.jobs.find((j) => j.workflowId === workflow?.id && j.jobNumber !== null);
    if (workflow === undefined || pipeline === undefined || job === undefined) throw new Error('the seed has no finished workflow with a numbered job');
    pipeline.number = pipelineNumber;
    for (const each of store.workflows.filter((w) => w.pipelineId === pipeline.id)) each.pipelineNumber = pipelineNumber;
    job.jobNumber = jobNumber;

    const result = await t.gql(
      `query ($id: ID!, $workflow: ID!) {
        circleciPipeline(id: $id) { number }
        circleciWorkflow(id: $workflow) {
          pipelineNumber
          jobs { edges { node { jobId jobNumber details { number name } } } }
        }
      }`,
      { id: pipeline.id, workflow: workflow.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['circleciPipeline']).toEqual({ number: pipelineNumber });
    expect(result.data?.['circleciWorkflow'].pipelineNumber).toBe(pipelineNumber);
    const node = result.data?.['circleciWorkflow'].jobs.edges.find((edge: any) => edge.node.jobId === job.id).node;
    expect(node).toEqual({ jobId: job.id, jobNumber, details: { number: jobNumber, name: job.name } });
    // The details were read at the job's own number.
    expect((await t.requests('circleci')).map((r) => r.path)).toContain(`/api/v2/project/gh/acme/api/job/${jobNumber}`);

    const listed = await t.gql(`{ circleciProject(slug: "gh/acme/api") { pipelines(first: 100) { edges { node { number } } } } }`);
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.['circleciProject'].pipelines.edges.map((edge: any) => edge.node.number)).toContain(pipelineNumber);
  });

  it('a number beyond 2^53, which JSON cannot carry exactly, is refused rather than rounded', async () => {
    const origin = t.simulators.circleci.simulator.origin;
    const id = t.simulators.circleci.store.pipelines[0]?.id as string;
    const body = (await (await fetch(`${origin}/api/v2/pipeline/${id}`, { headers: { 'circle-token': 'demo-circleci-token' } })).json()) as Record<string, unknown>;
    await t.fault('circleci', { path: `/api/v2/pipeline/${id}$`, status: 200, times: 1, body: { ...body, number: '9007199254740993' } });
    const result = await t.gql(`query ($id: ID!) { circleciPipeline(id: $id) { pipelineId number } }`, { id });
    expect(result.data?.['circleciPipeline']).toEqual({ pipelineId: id, number: null });
    expect(result.errors?.map((error) => error.path)).toEqual([['circleciPipeline', 'number']]);
  });
});
