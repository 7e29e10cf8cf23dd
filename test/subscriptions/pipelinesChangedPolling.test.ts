import { describe, expect, it } from 'vitest';
import { subscribe, waitFor } from './liveHelpers.js';
import { eventsOf, originOf, pipelinesSubscription, projectIds, simControl } from './pipelineHelpers.js';
import { useLiveGateway } from './useLiveGateway.js';

// Fast while a run is active; idle polls an hour apart, longer than any test here waits.
const live = useLiveGateway({ env: { SUBSCRIPTION_POLL_INTERVAL_MS: '100', SUBSCRIPTION_POLL_IDLE_INTERVAL_MS: '3600000' } });
const { t } = live;
const latestPath = '/api/v4/projects/1/pipelines/latest';

async function latestReads(): Promise<number[]> {
  return (await t.requests('gitlab')).filter((request) => request.path === latestPath).map((request) => Date.parse(request.at));
}

/** The project's newest default-branch pipeline in the simulator. */
function newestPipeline(): number {
  const pipeline = t.simulators.gitlab.store.pipelines.filter((candidate) => candidate.projectId === 1 && candidate.ref === 'main').at(-1);
  if (pipeline === undefined) throw new Error('no pipeline');
  return pipeline.id;
}

/** The value of one series of the gateway's /metrics. */
async function metric(series: string): Promise<number | undefined> {
  const text = await (await fetch(new URL('/metrics', t.url))).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('pipelinesChanged polling adapts to the run and to the service', () => {
  it('polls fast while the latest run is active, and not at all at that pace once it finished', async () => {
    const sub = subscribe(live.client(), pipelinesSubscription, { projects: [projectIds.gitlab] });
    await waitFor(() => eventsOf(sub, projectIds.gitlab).length >= 1, 'the CURRENT event');
    expect(eventsOf(sub, projectIds.gitlab)[0]?.runState).toBe('RUNNING');
    // Found within the test's time only at the active interval (the idle one is an hour).
    await simControl(originOf(t.simulators, 'gitlab'), `pipelines/${newestPipeline()}/status`, { status: 'failed' });
    await waitFor(() => eventsOf(sub, projectIds.gitlab).at(-1)?.runState === 'FAILED', 'the failure');
    await t.clearRequests();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await latestReads()).toEqual([]);
    sub.stop();
  });

  it('waits at least the Retry-After a rate-limited poll was given before polling again', async () => {
    // A running pipeline again, polled at the active interval.
    await simControl(originOf(t.simulators, 'gitlab'), `pipelines/${newestPipeline()}/status`, { status: 'running' });
    const sub = subscribe(live.client(), pipelinesSubscription, { projects: [projectIds.gitlab] });
    await waitFor(() => eventsOf(sub, projectIds.gitlab).length >= 1, 'the CURRENT event');
    await t.fault('gitlab', { path: `${latestPath}$`, status: 429, headers: { 'retry-after': '2' }, times: 1 });
    await t.clearRequests();
    await waitFor(async () => (await latestReads()).length >= 2, 'a poll after the rate-limited one', 15_000);
    const [limited = 0, next = 0] = await latestReads();
    expect(next - limited).toBeGreaterThanOrEqual(1_990);
    sub.stop();
  });

  it('shows its poll loops, polls and failed polls in /metrics', async () => {
    // A running pipeline, polled at the active interval.
    const newest = t.simulators.gitlab.store.pipelines.find((pipeline) => pipeline.id === newestPipeline());
    if (newest?.status !== 'running') await simControl(originOf(t.simulators, 'gitlab'), `pipelines/${newestPipeline()}/status`, { status: 'running' });
    const pollsBefore = (await metric('subscription_project_polls_total')) ?? 0;
    const failuresBefore = (await metric('subscription_project_poll_failures_total')) ?? 0;
    const sub = subscribe(live.client(), pipelinesSubscription, { projects: [projectIds.gitlab] });
    await waitFor(() => eventsOf(sub, projectIds.gitlab).length >= 1, 'the CURRENT event');
    await waitFor(async () => ((await metric('subscription_project_polls_total')) ?? 0) >= pollsBefore + 2, 'two polls counted');
    expect(await metric('subscription_projects_watched')).toBe(1);
    await t.fault('gitlab', { path: `${latestPath}$`, status: 500, times: 1 });
    await waitFor(async () => ((await metric('subscription_project_poll_failures_total')) ?? 0) >= failuresBefore + 1, 'the failed poll counted');
    sub.stop();
    await waitFor(async () => (await metric('subscription_projects_watched')) === 0, 'the loop gone with its last subscriber');
  });
});
