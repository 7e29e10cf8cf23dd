import { describe, expect, it } from 'vitest';
import type { SimDeployment } from '../../src/simulators/flexstack/store.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const fields = 'id service deploymentId projectId environmentId number status state createdAt finishedAt';

/** A project's deployments in the simulator, newest first. */
function deploymentsOf(projectId: string): SimDeployment[] {
  return t.simulators.flexstack.store.deployments.filter((d) => d.projectId === projectId).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The project with the most deployments, and one with none. */
function projects(): { busy: string; idle: string } {
  const store = t.simulators.flexstack.store;
  const acme = store.orgs[0]?.id;
  const ids = store.projects.filter((p) => p.orgId === acme).map((p) => p.id);
  const busy = [...ids].sort((a, b) => deploymentsOf(b).length - deploymentsOf(a).length)[0];
  const idle = ids.find((id) => deploymentsOf(id).length === 0);
  if (busy === undefined || idle === undefined) throw new Error('the seed has no such projects');
  return { busy, idle };
}

describe('FlexStack deployments as queries', () => {
  it('lists a project\'s deployments newest first, one upstream call per page, the last as its latest pipeline', async () => {
    const { busy } = projects();
    const expected = deploymentsOf(busy);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const query = `query ($id: String!, $after: String) {
      flexstackProject(id: $id) {
        deployments(first: 2, after: $after) { edges { node { ${fields} } } pageInfo { hasNextPage endCursor } }
        latestPipeline { deploymentId status }
      }
    }`;
    const first = await t.gql(query, { id: busy });
    expect(first.errors).toBeUndefined();
    const project = first.data?.['flexstackProject'];
    const newest = expected[0] as SimDeployment;
    expect(project.deployments.edges[0].node).toEqual({
      id: expect.any(String),
      service: 'FLEXSTACK',
      deploymentId: newest.id,
      projectId: busy,
      environmentId: newest.environmentId,
      number: null,
      status: newest.status,
      state: newest.status.toUpperCase(),
      createdAt: newest.createdAt,
      finishedAt: newest.finishedAt,
    });
    expect(project.deployments.edges.map((e: any) => e.node.deploymentId)).toEqual(expected.slice(0, 2).map((d) => d.id));
    expect(project.latestPipeline).toEqual({ deploymentId: newest.id, status: newest.status });

    // Sent side by side, so compared in any order.
    const calls = async (): Promise<string[]> => (await t.requests('flexstack')).map((r) => `${r.path} ${JSON.stringify(r.query)}`).sort();
    expect(await calls()).toEqual(
      [
        `/v1/projects/${busy} {}`,
        `/v1/projects/${busy}/deployments {"limit":"1","sort":"-created_at"}`,
        `/v1/projects/${busy}/deployments {"limit":"2","sort":"-created_at"}`,
      ].sort(),
    );
    await t.clearRequests();

    const second = await t.gql(query, { id: busy, after: project.deployments.pageInfo.endCursor });
    expect(second.data?.['flexstackProject'].deployments.edges.map((e: any) => e.node.deploymentId)).toEqual(expected.slice(2, 4).map((d) => d.id));
    const paged = (await t.requests('flexstack')).find((r) => r.query['limit'] === '2');
    // FlexStack's own next_page cursor, sent back as it is: no page is read twice.
    expect(paged?.query).toEqual({ limit: '2', sort: '-created_at', after: expect.stringMatching(/^[\w+/=-]+$/) });
    expect(await calls()).toHaveLength(3);
  });

  it('has no latest pipeline for a project that never deployed', async () => {
    const { idle } = projects();
    const result = await t.gql(`query ($id: String!) { flexstackProject(id: $id) { latestPipeline { status } deployments { edges { node { id } } } } }`, { id: idle });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['flexstackProject']).toEqual({ latestPipeline: null, deployments: { edges: [] } });
  });

  it('reads one deployment by its id, through node() by its global id, and leads on to its project', async () => {
    const { busy } = projects();
    const deployment = deploymentsOf(busy)[1] as SimDeployment;
    const byId = await t.gql(`query ($id: String!) { flexstackDeployment(id: $id) { id deploymentId status project { projectId } } }`, { id: deployment.id });
    expect(byId.errors).toBeUndefined();
    const read = byId.data?.['flexstackDeployment'];
    expect(read).toMatchObject({ deploymentId: deployment.id, status: deployment.status, project: { projectId: busy } });
    await t.clearRequests();

    const node = await t.gql(`query ($id: ID!) { node(id: $id) { ... on Pipeline { service status } ... on FlexStackDeployment { deploymentId } } }`, { id: read.id });
    expect(node.data?.['node']).toEqual({ service: 'FLEXSTACK', status: deployment.status, deploymentId: deployment.id });
    expect((await t.requests('flexstack')).map((r) => r.path)).toEqual([`/v1/deployments/${deployment.id}`]);
  });

  it('answers null for a deployment the key cannot read or that does not exist, and refuses an id FlexStack never issues', async () => {
    const acmeProject = projects().busy;
    const deployment = deploymentsOf(acmeProject)[0] as SimDeployment;
    const query = `query ($id: String!) { flexstackDeployment(id: $id) { deploymentId } }`;
    const otherOrg = await t.gql(query, { id: deployment.id }, { 'x-flexstack-key': 'flex_globex_key' });
    expect(otherOrg.errors).toBeUndefined();
    expect(otherOrg.data?.['flexstackDeployment']).toBeNull();
    const missing = await t.gql(query, { id: '1111111111111111111111' });
    expect(missing.data?.['flexstackDeployment']).toBeNull();
    await t.clearRequests();
    const invalid = await t.gql(query, { id: '../projects' });
    expect(invalid.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await t.requests('flexstack')).toEqual([]);
  });

  it('shows a deployment the simulator runs, from in progress to its outcome', async () => {
    const { idle } = projects();
    const sender = t.simulators.flexstack.webhooks;
    const running = sender.deploy(idle);
    const query = `query ($id: String!) { flexstackProject(id: $id) { latestPipeline { deploymentId status state finishedAt } } }`;
    expect((await t.gql(query, { id: idle })).data?.['flexstackProject'].latestPipeline).toEqual({
      deploymentId: running.id,
      status: 'in_progress',
      state: 'IN_PROGRESS',
      finishedAt: null,
    });
    sender.finish(running, 'failed');
    expect((await t.gql(query, { id: idle })).data?.['flexstackProject'].latestPipeline).toEqual({
      deploymentId: running.id,
      status: 'failed',
      state: 'FAILED',
      finishedAt: running.finishedAt,
    });
  });
});
