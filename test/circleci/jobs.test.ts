import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const calls = async (): Promise<string[]> => (await t.requests('circleci')).map((r) => `${r.method} ${r.path}`);
const store = () => t.simulators.circleci.store;

describe('CircleCI jobs through GraphQL', () => {
  it('lists a workflow\'s jobs with one upstream call and fetches their workflow once', async () => {
    const workflow = store().workflows.find((w) => w.projectSlug === 'gh/acme/api' && w.status === 'success')!;
    const result = await t.gql(
      `query ($id: ID!) { circleciWorkflow(id: $id) { jobs { totalCount edges { node { id jobId name status type jobNumber workflow { workflowId name } } } } } }`,
      { id: workflow.id },
    );
    expect(result.errors).toBeUndefined();
    const jobs = result.data?.['circleciWorkflow'].jobs;
    expect(jobs.totalCount).toBe(3);
    expect(jobs.edges.map((e: any) => e.node.name)).toEqual(['build', 'test', 'lint']);
    for (const edge of jobs.edges) expect(edge.node.workflow.workflowId).toBe(workflow.id);
    const log = await calls();
    expect(log.filter((c) => c === `GET /api/v2/workflow/${workflow.id}`)).toHaveLength(1);
    expect(log.filter((c) => c === `GET /api/v2/workflow/${workflow.id}/job`)).toHaveLength(1);
    expect(log).toHaveLength(2);
  });

  it('pages a workflow\'s jobs with first/after over the one unpaged answer', async () => {
    const workflow = store().workflows.find((w) => w.projectSlug === 'gh/acme/api' && w.status === 'success')!;
    const query = `query ($id: ID!, $after: String) { circleciWorkflow(id: $id) { jobs(first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } } }`;
    const first = await t.gql(query, { id: workflow.id });
    const page = first.data?.['circleciWorkflow'].jobs;
    expect(page.edges.map((e: any) => e.node.name)).toEqual(['build', 'test']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(query, { id: workflow.id, after: page.pageInfo.endCursor });
    expect(second.data?.['circleciWorkflow'].jobs.edges.map((e: any) => e.node.name)).toEqual(['lint']);
    const jobCalls = (await t.requests('circleci')).filter((r) => r.path.endsWith('/job'));
    expect(jobCalls.every((r) => r.query['page-token'] === undefined)).toBe(true);
  });

  it('fetches job details only when a detail field is selected', async () => {
    const workflow = store().workflows.find((w) => w.projectSlug === 'gh/acme/api' && w.status === 'success')!;
    await t.gql(`query ($id: ID!) { circleciWorkflow(id: $id) { jobs { edges { node { name status } } } } }`, { id: workflow.id });
    expect((await calls()).some((c) => c.includes('/job/'))).toBe(false);

    await t.clearRequests();
    const result = await t.gql(
      `query ($id: ID!) { circleciWorkflow(id: $id) { jobs { edges { node { name details { number webUrl executorResourceClass durationMs parallelRuns { index status } project { slug } pipeline { pipelineId } workflow { name } } } } } } }`,
      { id: workflow.id },
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.['circleciWorkflow'].jobs.edges.map((e: any) => e.node);
    expect(nodes[0].details.executorResourceClass).toBe('medium');
    expect(nodes[0].details.project.slug).toBe('gh/acme/api');
    expect(nodes[0].details.pipeline.pipelineId).toBe(workflow.pipelineId);
    const detailCalls = (await calls()).filter((c) => /\/project\/gh\/acme\/api\/job\/\d+$/.test(c));
    expect(detailCalls).toHaveLength(3);
    // The project and pipeline of three jobs are each fetched once.
    expect((await calls()).filter((c) => c === 'GET /api/v2/project/gh/acme/api')).toHaveLength(1);
    expect((await calls()).filter((c) => c === `GET /api/v2/pipeline/${workflow.pipelineId}`)).toHaveLength(1);
  });

  it('pages test results over CircleCI page tokens and lists artifacts', async () => {
    const job = store().jobs.find((j) => j.name === 'test' && j.jobNumber !== null && j.stoppedAt !== null && j.projectSlug === 'gh/acme/api')!;
    const result = await t.gql(
      `query ($n: Int!) { circleciJob(projectSlug: "gh/acme/api", jobNumber: $n) { name tests(first: 30) { edges { node { name result runTimeSeconds } } pageInfo { hasNextPage } } artifacts { edges { node { path nodeIndex url } } } } }`,
      { n: job.jobNumber },
    );
    expect(result.errors).toBeUndefined();
    const details = result.data?.['circleciJob'];
    expect(details.tests.edges).toHaveLength(30);
    expect(details.tests.edges[29].node.name).toBe('case 29');
    expect(details.tests.pageInfo.hasNextPage).toBe(true);
    expect(details.artifacts.edges.map((e: any) => e.node.path)).toContain('test-results/junit.xml');
    const testCalls = (await t.requests('circleci')).filter((r) => r.path.endsWith('/tests'));
    expect(testCalls).toHaveLength(2);
    expect(testCalls[0]?.query['page-token']).toBeUndefined();
    expect(typeof testCalls[1]?.query['page-token']).toBe('string');
  });

  it('round-trips a job\'s global id through node(), and a job without a number has no details', async () => {
    const held = store().jobs.find((j) => j.type === 'approval' && j.projectSlug === 'gh/acme/api')!;
    const list = await t.gql(`query ($id: ID!) { circleciWorkflow(id: $id) { jobs { edges { node { id name } } } } }`, { id: held.workflowId });
    const node = list.data?.['circleciWorkflow'].jobs.edges.find((e: any) => e.node.name === held.name).node;
    const result = await t.gql(
      `query ($id: ID!) { node(id: $id) { id ... on CircleCIJob { jobId type jobNumber approvalRequestId details { number } artifacts { edges { cursor } } } } }`,
      { id: node.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['node']).toEqual({ id: node.id, jobId: held.id, type: 'APPROVAL', jobNumber: null, approvalRequestId: held.approvalRequestId, details: null, artifacts: { edges: [] } });
  });

  it('answers null for a job number that does not exist', async () => {
    const result = await t.gql(`{ circleciJob(projectSlug: "gh/acme/api", jobNumber: 99999) { name } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.['circleciJob']).toBeNull();
  });
});
