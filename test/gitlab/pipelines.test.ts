import { describe, expect, it } from 'vitest';
import type { SimPipeline } from '../../src/simulators/gitlab/store.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const calls = async (): Promise<string[]> =>
  (await t.requests('gitlab')).map((r) => `${r.method} ${r.path}${Object.keys(r.query).length === 0 ? '' : `?${new URLSearchParams(r.query as Record<string, string>).toString()}`}`);

/** A project's pipelines in the simulator, newest first, as GitLab lists them. */
const pipelinesOf = (path: string): SimPipeline[] => {
  const store = t.simulators.gitlab.store;
  const project = store.projectByPath(path);
  return store.pipelines.filter((pipeline) => pipeline.projectId === project?.id).sort((a, b) => b.id - a.id);
};

describe('GitLab pipelines through GraphQL', () => {
  it("lists a project's pipelines newest first with their total, one call for the page", async () => {
    const result = await t.gql(`{
      gitlabProject(idOrPath: "acme/api") {
        pipelines(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { id service pipelineId number status ref sha source createdAt url } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const expected = pipelinesOf('acme/api');
    const connection = result.data?.['gitlabProject'].pipelines;
    expect(connection.totalCount).toBe(expected.length);
    expect(connection.edges.map((e: any) => [e.node.pipelineId, e.node.number, e.node.status, e.node.ref])).toEqual(
      expected.slice(0, 5).map((pipeline) => [pipeline.id, pipeline.iid, pipeline.status, pipeline.ref]),
    );
    expect(connection.edges[0].node).toMatchObject({ service: 'GITLAB', status: 'running', url: `https://gitlab.example.com/acme/api/-/pipelines/${expected[0]?.id}` });
    expect(await calls()).toEqual(['GET /api/v4/projects/acme%2Fapi', 'GET /api/v4/projects/1/pipelines?per_page=5']);

    await t.clearRequests();
    const next = await t.gql(`query ($after: String) { gitlabProject(idOrPath: "1") { pipelines(first: 5, after: $after) { edges { node { pipelineId } } } } }`, {
      after: connection.pageInfo.endCursor,
    });
    expect(next.data?.['gitlabProject'].pipelines.edges.map((e: any) => e.node.pipelineId)).toEqual(expected.slice(5, 10).map((pipeline) => pipeline.id));
    expect(await calls()).toEqual(['GET /api/v4/projects/1', 'GET /api/v4/projects/1/pipelines?page=2&per_page=5']);
  });

  it("reads the fields GitLab's list leaves out with each pipeline, once per pipeline, and only when asked", async () => {
    const result = await t.gql(`{ gitlabProject(idOrPath: "1") { pipelines(first: 3) { edges { node { pipelineId startedAt finishedAt duration tag userName } } } } }`);
    expect(result.errors).toBeUndefined();
    const expected = pipelinesOf('acme/api').slice(0, 3);
    const nodes = result.data?.['gitlabProject'].pipelines.edges.map((e: any) => e.node);
    expect(nodes.map((node: any) => [node.pipelineId, node.startedAt, node.finishedAt, node.tag, node.userName])).toEqual(
      expected.map((pipeline) => [pipeline.id, pipeline.startedAt, pipeline.finishedAt, pipeline.tag, 'ada']),
    );
    expect(nodes[1].duration).toBe((Date.parse(expected[1]?.finishedAt as string) - Date.parse(expected[1]?.startedAt as string)) / 1000);
    expect((await calls()).sort()).toEqual(
      ['GET /api/v4/projects/1', 'GET /api/v4/projects/1/pipelines?per_page=3', ...expected.map((pipeline) => `GET /api/v4/projects/1/pipelines/${pipeline.id}`)].sort(),
    );
  });

  it("filters by ref and status, sending GitLab's own names", async () => {
    const result = await t.gql(`{ gitlabProject(idOrPath: "1") { pipelines(ref: "feature/search", status: SUCCESS, first: 20) { edges { node { pipelineId ref status } } } } }`);
    const expected = pipelinesOf('acme/api').filter((pipeline) => pipeline.ref === 'feature/search' && pipeline.status === 'success');
    expect(result.data?.['gitlabProject'].pipelines.edges.map((e: any) => e.node)).toEqual(expected.map((pipeline) => ({ pipelineId: pipeline.id, ref: 'feature/search', status: 'success' })));
    expect(await calls()).toContain('GET /api/v4/projects/1/pipelines?ref=feature%2Fsearch&status=success&per_page=20');
  });

  it("reads the latest pipeline of the default branch or a ref, and null for a ref without one (GitLab's 403)", async () => {
    const result = await t.gql(`{
      gitlabProject(idOrPath: "acme/api") {
        main: latestPipeline { pipelineId ref status duration }
        feature: latestPipeline(ref: "feature/search") { pipelineId ref }
        none: latestPipeline(ref: "no-such-branch") { pipelineId }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const all = pipelinesOf('acme/api');
    const main = all.find((pipeline) => pipeline.ref === 'main');
    const feature = all.find((pipeline) => pipeline.ref === 'feature/search');
    expect(result.data?.['gitlabProject']).toEqual({
      main: { pipelineId: main?.id, ref: 'main', status: 'running', duration: null },
      feature: { pipelineId: feature?.id, ref: 'feature/search' },
      none: null,
    });
    expect((await calls()).sort()).toEqual([
      'GET /api/v4/projects/1/pipelines/latest',
      'GET /api/v4/projects/1/pipelines/latest?ref=feature%2Fsearch',
      'GET /api/v4/projects/1/pipelines/latest?ref=no-such-branch',
      'GET /api/v4/projects/acme%2Fapi',
    ]);
  });

  it("reads a pipeline's jobs newest first, by status, with retried ones when asked; each job's pipeline is the one already read", async () => {
    const store = t.simulators.gitlab.store;
    const retried = store.jobs.find((job) => job.retried);
    const pipelineId = retried?.pipelineId as number;
    const result = await t.gql(
      `query ($p: Int!) {
        gitlabProject(idOrPath: "1") {
          pipeline(pipelineId: $p) {
            status
            jobs { totalCount edges { node { jobId name stage status allowFailure pipeline { pipelineId status } } } }
            failed: jobs(scope: [FAILED], includeRetried: true) { edges { node { jobId name failureReason } } }
            all: jobs(includeRetried: true) { totalCount }
          }
        }
      }`,
      { p: pipelineId },
    );
    expect(result.errors).toBeUndefined();
    const pipeline = result.data?.['gitlabProject'].pipeline;
    const current = store.jobs.filter((job) => job.pipelineId === pipelineId && !job.retried).sort((a, b) => b.id - a.id);
    expect(pipeline.jobs.totalCount).toBe(current.length);
    expect(pipeline.jobs.edges.map((e: any) => e.node.jobId)).toEqual(current.map((job) => job.id));
    for (const edge of pipeline.jobs.edges) expect(edge.node.pipeline).toEqual({ pipelineId, status: pipeline.status });
    expect(pipeline.failed.edges.map((e: any) => e.node)).toEqual(
      store.jobs.filter((job) => job.pipelineId === pipelineId && job.status === 'failed').sort((a, b) => b.id - a.id).map((job) => ({ jobId: job.id, name: job.name, failureReason: job.failureReason })),
    );
    expect(pipeline.all.totalCount).toBe(current.length + 1);
    const log = await calls();
    expect(log.filter((line) => line === `GET /api/v4/projects/1/pipelines/${pipelineId}`)).toHaveLength(1);
    expect(log.filter((line) => line.startsWith(`GET /api/v4/projects/1/pipelines/${pipelineId}/jobs`)).sort()).toEqual([
      `GET /api/v4/projects/1/pipelines/${pipelineId}/jobs?include_retried=false&per_page=20`,
      `GET /api/v4/projects/1/pipelines/${pipelineId}/jobs?include_retried=true&per_page=20`,
      `GET /api/v4/projects/1/pipelines/${pipelineId}/jobs?scope%5B%5D=failed&include_retried=true&per_page=20`,
    ]);
  });

  it('fetches pipelines and jobs by global id, through the shared Pipeline interface too', async () => {
    const listed = await t.gql(`{ gitlabProject(idOrPath: "acme/web") { pipeline: latestPipeline { id jobs(first: 1) { edges { node { id jobId name } } } } } }`);
    const pipeline = listed.data?.['gitlabProject'].pipeline;
    const job = pipeline.jobs.edges[0].node;
    await t.clearRequests();
    const nodes = await t.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Pipeline { service number status } ... on GitLabJob { jobId name pipeline { id } } } }`, {
      ids: [pipeline.id, job.id],
    });
    expect(nodes.errors).toBeUndefined();
    const expected = pipelinesOf('acme/web')[0] as SimPipeline;
    expect(nodes.data?.['nodes']).toEqual([
      { id: pipeline.id, service: 'GITLAB', number: expected.iid, status: expected.status },
      { id: job.id, jobId: job.jobId, name: job.name, pipeline: { id: pipeline.id } },
    ]);
    expect((await calls()).sort()).toEqual([`GET /api/v4/projects/2/jobs/${job.jobId}`, `GET /api/v4/projects/2/pipelines/${expected.id}`]);
  });

  it('shows the latest pipeline of each listed project with one call per project', async () => {
    const result = await t.gql(`{ gitlabProjects(scope: MEMBERSHIP, first: 4) { edges { node { fullName latestPipeline { status ref } } } } }`);
    expect(result.errors).toBeUndefined();
    const edges = result.data?.['gitlabProjects'].edges;
    expect(edges).toHaveLength(4);
    const store = t.simulators.gitlab.store;
    for (const { node } of edges) {
      const project = store.projectByPath(node.fullName);
      const latest = store.pipelines.filter((pipeline) => pipeline.projectId === project?.id && pipeline.ref === project?.defaultBranch).at(-1);
      expect(node.latestPipeline, node.fullName).toEqual(latest === undefined ? null : { status: latest.status, ref: latest.ref });
    }
    const log = await calls();
    expect(log.filter((line) => line.startsWith('GET /api/v4/projects?'))).toHaveLength(1);
    expect(log.filter((line) => line.endsWith('/pipelines/latest'))).toHaveLength(4);
    expect(log).toHaveLength(5);
  });
});
