import type { Client } from 'graphql-ws';
import { afterAll, describe, expect, it } from 'vitest';
import { pipelineHookJson } from '../../src/simulators/gitlab/serializePipeline.js';
import type { SimPipeline } from '../../src/simulators/gitlab/store.js';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { post, subscribe, waitFor, wsClient } from '../subscriptions/liveHelpers.js';

const secret = 'gitlab-pipeline-hooks';
const clients: Client[] = [];
const t = useTestGateway({ env: { GITLAB_WEBHOOK_SECRET: secret, CACHE_ENABLED: 'true', CACHE_TTL_RUN_ACTIVE_SECONDS: '600', CACHE_TTL_LIST_SECONDS: '600' } });
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
});

let delivery = 0;
/** Delivers the simulator's own Pipeline Hook body for a stored pipeline, as GitLab would. */
function deliver(pipeline: SimPipeline): Promise<{ status: number }> {
  delivery++;
  return post(t.url, '/webhooks/gitlab', JSON.stringify(pipelineHookJson(t.simulators.gitlab.store, pipeline)), {
    'x-gitlab-event': 'Pipeline Hook',
    'x-gitlab-event-uuid': `pipeline-hooks-${delivery}`,
    'x-gitlab-token': secret,
  });
}

/** The newest still-running pipeline of a project's default branch. */
function runningPipeline(path: string): SimPipeline {
  const store = t.simulators.gitlab.store;
  const project = store.projectByPath(path);
  const pipeline = store.pipelines.filter((candidate) => candidate.projectId === project?.id && candidate.status === 'running').at(-1);
  if (pipeline === undefined) throw new Error(`no running pipeline in ${path}`);
  return pipeline;
}

describe('GitLab pipeline hooks and pipeline reads agree', () => {
  it('a pipeline status event carries its pipeline as a GitLabPipeline, with its jobs', async () => {
    const pipeline = runningPipeline('acme/platform/gateway');
    const client = wsClient(t.url);
    clients.push(client);
    const events = subscribe(
      client,
      `subscription { gitlabPipelineStatusChanged(projectPath: "acme/platform/gateway") {
        pipelineId status source
        pipeline { id pipelineId number status ref finishedAt jobs { edges { node { name status } } } project { fullName } }
      } }`,
    );
    await waitFor(() => t.gateway.live.streamCount() === 1, 'the subscription registered');
    const store = t.simulators.gitlab.store;
    store.setPipelineStatus(pipeline, 'failed', new Date().toISOString());
    expect((await deliver(pipeline)).status).toBe(202);
    await waitFor(() => events.results.length === 1, 'the event');
    const jobs = store.jobs.filter((job) => job.pipelineId === pipeline.id && !job.retried).sort((a, b) => b.id - a.id);
    const event = events.results[0]?.data?.gitlabPipelineStatusChanged;
    expect(event).toMatchObject({ pipelineId: pipeline.id, status: 'failed', source: 'WEBHOOK' });
    expect(event.pipeline).toMatchObject({
      pipelineId: pipeline.id,
      number: pipeline.iid,
      status: 'failed',
      ref: pipeline.ref,
      finishedAt: pipeline.finishedAt,
      project: { fullName: 'acme/platform/gateway' },
    });
    expect(event.pipeline.jobs.edges.map((e: any) => e.node)).toEqual(jobs.map((job) => ({ name: job.name, status: job.status })));
    expect(event.pipeline.jobs.edges.map((e: any) => e.node.status)).toContain('failed');
    // The event's pipeline is the node the queries know.
    const node = await t.gql(`query ($id: ID!) { node(id: $id) { ... on GitLabPipeline { pipelineId status } } }`, { id: event.pipeline.id });
    expect(node.data?.['node']).toEqual({ pipelineId: pipeline.id, status: 'failed' });
    events.stop();
    await waitFor(() => t.gateway.live.streamCount() === 0, 'the subscription ended');
  });

  it("a pipeline hook purges its project's cached pipeline reads, which are read once each again", async () => {
    const pipeline = runningPipeline('acme/web');
    const query = `query ($p: Int!) {
      gitlabProject(idOrPath: "2") {
        pipeline(pipelineId: $p) { status }
        latestPipeline { pipelineId status }
        pipelines(first: 2) { edges { node { pipelineId status } } }
        jobs: pipeline(pipelineId: $p) { jobs { edges { node { status } } } }
      }
      other: gitlabProject(idOrPath: "1") { latestPipeline { status } }
    }`;
    const before = await t.gql(query, { p: pipeline.id });
    expect(before.errors).toBeUndefined();
    expect(before.data?.['gitlabProject'].pipeline).toEqual({ status: 'running' });
    await t.clearRequests();
    expect((await t.gql(query, { p: pipeline.id })).data).toEqual(before.data);
    expect(await t.requests('gitlab'), 'answered from the cache').toEqual([]);

    // GitLab finishes the pipeline on its own; only the hook tells the gateway.
    t.simulators.gitlab.store.setPipelineStatus(pipeline, 'success', new Date().toISOString());
    expect((await t.gql(query, { p: pipeline.id })).data, 'still cached before the hook').toEqual(before.data);
    const invalidations = t.gateway.cache.stats.snapshot().invalidations;
    expect((await deliver(pipeline)).status).toBe(202);
    await waitFor(() => t.gateway.cache.stats.snapshot().invalidations > invalidations, 'the hook purged the cache');

    await t.clearRequests();
    const after = await t.gql(query, { p: pipeline.id });
    const project = after.data?.['gitlabProject'];
    expect(project.pipeline).toEqual({ status: 'success' });
    expect(project.latestPipeline).toEqual({ pipelineId: pipeline.id, status: 'success' });
    expect(project.pipelines.edges[0].node).toEqual({ pipelineId: pipeline.id, status: 'success' });
    expect(project.jobs.jobs.edges.map((e: any) => e.node.status)).toEqual(['success', 'success', 'success', 'success']);
    expect(after.data?.['other']).toEqual(before.data?.['other']);
    const paths = (await t.requests('gitlab')).map((r) => r.path).sort();
    expect(paths).toEqual([
      '/api/v4/projects/2',
      '/api/v4/projects/2/pipelines',
      `/api/v4/projects/2/pipelines/${pipeline.id}`,
      `/api/v4/projects/2/pipelines/${pipeline.id}/jobs`,
      '/api/v4/projects/2/pipelines/latest',
    ]);
  });
});
