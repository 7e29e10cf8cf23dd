import { describe, expect, it } from 'vitest';
import type { SimProcess, SimProject } from '../../src/simulators/concord/store.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

/** A `Default` project's processes in the simulator, newest first. */
function processesOf(project: SimProject): SimProcess[] {
  return t.simulators.concord.store.processes.filter((p) => p.projectId === project.id).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The `Default` project with the most processes, and one with none. */
function projects(): { busy: SimProject; idle: SimProject } {
  const store = t.simulators.concord.store;
  const defaultOrg = store.orgByName('Default')?.id;
  const inDefault = store.projects.filter((p) => p.orgId === defaultOrg);
  const busy = [...inDefault].sort((a, b) => processesOf(b).length - processesOf(a).length)[0];
  const idle = inDefault.find((p) => processesOf(p).length === 0);
  if (busy === undefined || idle === undefined) throw new Error('the seed has no such projects');
  return { busy, idle };
}

describe('Concord processes as queries', () => {
  it('lists a project\'s processes newest first by offset and limit, the newest as its latest pipeline', async () => {
    const { busy } = projects();
    const expected = processesOf(busy);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const query = `query ($name: String!, $after: String) {
      concordProject(org: "Default", name: $name) {
        processes(first: 2, after: $after) { edges { node { id service instanceId number status kind orgName projectName initiator createdAt lastUpdatedAt } } pageInfo { hasNextPage endCursor } }
        latestPipeline { status ... on ConcordProcess { instanceId } }
      }
    }`;
    const first = await t.gql(query, { name: busy.name });
    expect(first.errors).toBeUndefined();
    const project = first.data?.['concordProject'];
    const newest = expected[0] as SimProcess;
    expect(project.processes.edges[0].node).toEqual({
      id: expect.any(String),
      service: 'CONCORD',
      instanceId: newest.instanceId,
      number: null,
      status: newest.status,
      kind: newest.kind,
      orgName: 'Default',
      projectName: busy.name,
      initiator: newest.initiator,
      createdAt: newest.createdAt,
      lastUpdatedAt: newest.lastUpdatedAt,
    });
    expect(project.processes.edges.map((e: any) => e.node.instanceId)).toEqual(expected.slice(0, 2).map((p) => p.instanceId));
    expect(project.processes.pageInfo.hasNextPage).toBe(true);
    expect(project.latestPipeline).toEqual({ status: newest.status, instanceId: newest.instanceId });
    const calls = (await t.requests('concord')).map((r) => `${r.path} ${JSON.stringify(r.query)}`).sort();
    expect(calls).toEqual(
      [
        `/api/v2/org/Default/project/${busy.name} {}`,
        `/api/v2/process {"orgName":"Default","projectName":"${busy.name}","limit":"1","offset":"0"}`,
        `/api/v2/process {"orgName":"Default","projectName":"${busy.name}","limit":"3","offset":"0"}`,
      ].sort(),
    );

    const second = await t.gql(query, { name: busy.name, after: project.processes.pageInfo.endCursor });
    expect(second.data?.['concordProject'].processes.edges.map((e: any) => e.node.instanceId)).toEqual(expected.slice(2, 4).map((p) => p.instanceId));
  });

  it('has no latest pipeline for a project that never ran', async () => {
    const { idle } = projects();
    const result = await t.gql(`query ($name: String!) { concordProject(org: "Default", name: $name) { latestPipeline { status } processes { edges { node { instanceId } } } } }`, { name: idle.name });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['concordProject']).toEqual({ latestPipeline: null, processes: { edges: [] } });
  });

  it('reads one process by its instance id and through node(), and leads on to its project', async () => {
    const { busy } = projects();
    const process = processesOf(busy)[1] as SimProcess;
    const byId = await t.gql(`query ($id: String!) { concordProcess(instanceId: $id) { id status project { name } } }`, { id: process.instanceId });
    expect(byId.errors).toBeUndefined();
    const read = byId.data?.['concordProcess'];
    expect(read).toMatchObject({ status: process.status, project: { name: busy.name } });
    await t.clearRequests();
    const node = await t.gql(`query ($id: ID!) { node(id: $id) { ... on Pipeline { service status } ... on ConcordProcess { instanceId } } }`, { id: read.id });
    expect(node.data?.['node']).toEqual({ service: 'CONCORD', status: process.status, instanceId: process.instanceId });
    expect((await t.requests('concord')).map((r) => r.path)).toEqual([`/api/v2/process/${process.instanceId}`]);
  });

  it('answers null for a process that does not exist, without a call for an id Concord never issues', async () => {
    const query = `query ($id: String!) { concordProcess(instanceId: $id) { instanceId } }`;
    const missing = await t.gql(query, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.['concordProcess']).toBeNull();
    await t.clearRequests();
    const invalid = await t.gql(query, { id: '../org' });
    expect(invalid.data?.['concordProcess']).toBeNull();
    expect(await t.requests('concord')).toEqual([]);
  });
});
