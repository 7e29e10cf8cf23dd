import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/relay/globalId.js';
import { subscribe, waitFor, type Received } from './liveHelpers.js';
import { eventsOf, originOf, pipelinesSubscription, projectIds, simControl, type PipelineChangeEvent } from './pipelineHelpers.js';
import { useLiveGateway } from './useLiveGateway.js';

// No webhook secret and no webhook target: every change is found by polling (fast here, for the test's sake).
const live = useLiveGateway({
  env: { SUBSCRIPTION_POLL_INTERVAL_MS: '100', SUBSCRIPTION_POLL_IDLE_INTERVAL_MS: '150', SUBSCRIPTION_POLL_LEASE_MS: '2000' },
  runDurationMs: 3_600_000,
});
const { t } = live;

const latestPipelineQuery = /* GraphQL */ `
  query Latest($ids: [ID!]!) {
    nodes(ids: $ids) { ... on Project { id latestPipeline { id status runState } } }
  }
`;

/** Waits for the project's `count`-th event and returns it. */
async function nth(sub: Received, projectId: string, count: number): Promise<PipelineChangeEvent> {
  await waitFor(() => eventsOf(sub, projectId).length >= count, `event ${count} of ${projectId}`);
  return eventsOf(sub, projectId)[count - 1] as PipelineChangeEvent;
}

/** What a test compares of an event: the pipeline's status and the run states. */
const brief = (event: PipelineChangeEvent) => ({ status: event.pipeline?.status, runState: event.runState, previousRunState: event.previousRunState, source: event.source });

describe('pipelinesChanged over every pipeline service, by polling alone', () => {
  it('starts with each project\'s latest pipeline as the dashboard query reads it (CURRENT), in the order given', async () => {
    const ids = [projectIds.flexstack, projectIds.circleci, projectIds.concord, projectIds.gitlab];
    const sub = subscribe(live.client(), pipelinesSubscription, { projects: ids });
    await waitFor(() => sub.results.length >= 4, 'a CURRENT event per project');
    const events = sub.results.map((result) => result.data?.pipelinesChanged as PipelineChangeEvent);
    expect(events.map((event) => [event.project.id, event.source, event.previousRunState])).toEqual(ids.map((id) => [id, 'CURRENT', null]));
    const queried = await t.gql<{ nodes: any[] }>(latestPipelineQuery, { ids });
    expect(queried.errors).toBeUndefined();
    expect(events.map((event) => ({ id: event.pipeline?.id, status: event.pipeline?.status, runState: event.runState }))).toEqual(
      queried.data?.nodes.map((node: any) => ({ id: node.latestPipeline.id, status: node.latestPipeline.status, runState: node.latestPipeline.runState })),
    );
    expect(events.map((event) => event.project.service)).toEqual(['FLEXSTACK', 'CIRCLECI', 'CONCORD', 'GITLAB']);
    expect(sub.results.every((result) => result.errors === undefined)).toBe(true);
    sub.stop();
  });

  it('delivers each simulated change of each service with its run state, mixed in one subscription, and stops polling when the subscriber leaves', async () => {
    const ids = [projectIds.circleci, projectIds.gitlab, projectIds.concord, projectIds.flexstack];
    const sub = subscribe(live.client(), pipelinesSubscription, { projects: ids });
    await waitFor(() => sub.results.length >= 4, 'a CURRENT event per project');

    // GitLab: a new pipeline on the default branch, then a runner moves it on.
    const gitlab = originOf(t.simulators, 'gitlab');
    const { id: gitlabPipeline } = await simControl(gitlab, 'projects/1/pipelines');
    expect(brief(await nth(sub, projectIds.gitlab, 2))).toEqual({ status: 'created', runState: 'PENDING', previousRunState: 'RUNNING', source: 'POLL' });
    await simControl(gitlab, `pipelines/${gitlabPipeline}/status`, { status: 'running' });
    expect(brief(await nth(sub, projectIds.gitlab, 3))).toEqual({ status: 'running', runState: 'RUNNING', previousRunState: 'PENDING', source: 'POLL' });
    await simControl(gitlab, `pipelines/${gitlabPipeline}/status`, { status: 'manual' });
    expect(brief(await nth(sub, projectIds.gitlab, 4))).toEqual({ status: 'manual', runState: 'BLOCKED', previousRunState: 'RUNNING', source: 'POLL' });
    await simControl(gitlab, `pipelines/${gitlabPipeline}/status`, { status: 'success' });
    expect(brief(await nth(sub, projectIds.gitlab, 5))).toEqual({ status: 'success', runState: 'SUCCEEDED', previousRunState: 'BLOCKED', source: 'POLL' });

    // Concord: a process, from NEW to a timeout.
    const concord = originOf(t.simulators, 'concord');
    const { instanceId } = await simControl(concord, 'projects/Default/analytics/processes');
    expect(brief(await nth(sub, projectIds.concord, 2))).toEqual({ status: 'NEW', runState: 'PENDING', previousRunState: 'SUCCEEDED', source: 'POLL' });
    for (const status of ['PREPARING', 'ENQUEUED', 'STARTING']) await simControl(concord, `processes/${instanceId}/status`, { status });
    await simControl(concord, `processes/${instanceId}/status`, { status: 'RUNNING' });
    await waitFor(() => eventsOf(sub, projectIds.concord).at(-1)?.pipeline?.status === 'RUNNING', 'the running process');
    await simControl(concord, `processes/${instanceId}/status`, { status: 'TIMED_OUT' });
    await waitFor(() => eventsOf(sub, projectIds.concord).at(-1)?.pipeline?.status === 'TIMED_OUT', 'the timed-out process');
    expect(brief(eventsOf(sub, projectIds.concord).at(-1) as PipelineChangeEvent)).toEqual({ status: 'TIMED_OUT', runState: 'FAILED', previousRunState: 'RUNNING', source: 'POLL' });

    // FlexStack: a deployment that fails.
    const flexstack = originOf(t.simulators, 'flexstack');
    const deployment = await simControl(flexstack, `projects/${t.simulators.flexstack.store.projects[0]?.id}/deployments`);
    expect(brief(await nth(sub, projectIds.flexstack, 2))).toEqual({ status: 'in_progress', runState: 'RUNNING', previousRunState: 'SUCCEEDED', source: 'POLL' });
    await simControl(flexstack, `deployments/${deployment.id}/status`, { status: 'failed' });
    expect(brief(await nth(sub, projectIds.flexstack, 3))).toEqual({ status: 'failed', runState: 'FAILED', previousRunState: 'RUNNING', source: 'POLL' });

    // CircleCI: a pipeline triggered through its API, whose workflow is approved on hold, then fails.
    const circleci = t.simulators.urls.circleci ?? '';
    const triggered = await fetch(`${circleci}/project/gh/acme/api/pipeline`, { method: 'POST', headers: { 'circle-token': 'demo-circleci-token', 'content-type': 'application/json' }, body: '{}' });
    const { id: circlePipeline } = (await triggered.json()) as { id: string };
    const before = eventsOf(sub, projectIds.circleci).length;
    const started = await nth(sub, projectIds.circleci, before + 1);
    expect([started.pipeline?.id, started.runState]).toEqual([toGlobalId('CircleCIPipeline', circlePipeline), 'RUNNING']);
    await simControl(originOf(t.simulators, 'circleci'), `pipelines/${circlePipeline}/status`, { status: 'on_hold' });
    expect(brief(await nth(sub, projectIds.circleci, before + 2))).toEqual({ status: 'created', runState: 'BLOCKED', previousRunState: 'RUNNING', source: 'POLL' });
    await simControl(originOf(t.simulators, 'circleci'), `pipelines/${circlePipeline}/status`, { status: 'canceled' });
    expect(brief(await nth(sub, projectIds.circleci, before + 3))).toEqual({ status: 'created', runState: 'CANCELED', previousRunState: 'BLOCKED', source: 'POLL' });

    // The events name the pipeline a query reads as the latest, and nothing went wrong.
    const queried = await t.gql<{ nodes: any[] }>(latestPipelineQuery, { ids });
    expect(ids.map((id) => eventsOf(sub, id).at(-1)?.pipeline?.id)).toEqual(queried.data?.nodes.map((node: any) => node.latestPipeline.id));
    expect(sub.results.filter((result) => result.errors !== undefined)).toEqual([]);

    // One poller per project while watched; none, and no more reads, once the subscriber leaves.
    expect(t.gateway.live.projectPollers.activeTargets()).toHaveLength(4);
    sub.stop();
    await waitFor(() => t.gateway.live.projectPollers.activeTargets().length === 0, 'the pollers end');
    const reads = async () => (await t.requests('concord')).filter((request) => request.path === '/api/v2/process').length;
    const after = await reads();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await reads()).toBe(after);
  });
});

describe('the example of examples/', () => {
  it('pipelines-changed.graphql runs with its variables on the demo data: a CURRENT event per project, no error', async () => {
    const query = readFileSync(new URL('../../examples/pipelines-changed.graphql', import.meta.url), 'utf8');
    const variables = JSON.parse(readFileSync(new URL('../../examples/pipelines-changed.variables.json', import.meta.url), 'utf8')) as { projects: string[] };
    const sub = subscribe(live.client(), query, variables);
    await waitFor(() => sub.results.length >= variables.projects.length, 'a CURRENT event per project');
    expect(sub.results.every((result) => result.errors === undefined)).toBe(true);
    expect(sub.results.map((result) => [result.data?.pipelinesChanged.project.id, result.data?.pipelinesChanged.source])).toEqual(variables.projects.map((id) => [id, 'CURRENT']));
    expect(sub.results.every((result) => typeof result.data?.pipelinesChanged.runState === 'string')).toBe(true);
    sub.stop();
  });
});
