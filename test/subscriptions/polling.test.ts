import type { Client } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import type { SimPipeline } from '../../src/simulators/circleci/store.js';
import { toGlobalId } from '../../src/relay/globalId.js';
import { pipelineSubscription, subscribe, waitFor, workflowSubscription } from './liveHelpers.js';
import { useLiveGateway } from './useLiveGateway.js';

let nextNumber = 500;

// No webhook secret and no webhook target: only polling can move subscribers on.
const live = useLiveGateway({ env: { SUBSCRIPTION_POLL_INTERVAL_MS: '100', SUBSCRIPTION_POLL_LEASE_MS: '2000' } });
const { t } = live;

function client(): Client {
  return live.client({ 'x-circleci-token': 'circleci-token-grace' });
}

/** A new pipeline of gh/acme/mobile with one workflow running for `runMs`. */
function runningPipeline(runMs: number): SimPipeline {
  const store = t.simulators.circleci.store;
  const pipeline = store.addPipeline('gh/acme/mobile', nextNumber++, Date.now(), { branch: 'main', actor: 'grace', triggerType: 'api' });
  store.runDurationMs = runMs;
  store.addWorkflow(pipeline, 'build-and-test', 'running', Date.now());
  return pipeline;
}

const jobSubscription = /* GraphQL */ `
  subscription ($pipelineId: ID) {
    circleciJobStatusChanged(pipelineId: $pipelineId) {
      status
      source
      workflowId
      job { id jobId name status projectSlug workflow { workflowId } }
    }
  }
`;

async function pollsOf(pipelineId: string): Promise<string[]> {
  return (await t.requests('circleci')).filter((request) => request.path === `/api/v2/pipeline/${pipelineId}/workflow`).map((request) => request.at);
}

describe('polling watched pipelines', () => {
  it('moves a subscriber from running to success by polling alone, then stops polling', async () => {
    const pipeline = runningPipeline(1_500);
    const sub = subscribe(client(), pipelineSubscription, { pipelineId: pipeline.id });
    await waitFor(() => sub.results.length >= 2, 'running then success', 20_000);
    expect(sub.results).toEqual([
      {
        data: {
          circleciPipelineStatusChanged: {
            status: 'running',
            previousStatus: null,
            pipelineId: pipeline.id,
            source: 'POLL',
            pipeline: { pipelineId: pipeline.id, number: pipeline.number, projectSlug: 'gh/acme/mobile' },
          },
        },
      },
      {
        data: {
          circleciPipelineStatusChanged: {
            status: 'success',
            previousStatus: 'running',
            pipelineId: pipeline.id,
            source: 'POLL',
            pipeline: { pipelineId: pipeline.id, number: pipeline.number, projectSlug: 'gh/acme/mobile' },
          },
        },
      },
    ]);
    // Finished: the poller ends although the subscriber stays.
    await waitFor(() => !t.gateway.live.pollers.activePipelines().includes(pipeline.id), 'the poller ends');
    const polls = (await pollsOf(pipeline.id)).length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await pollsOf(pipeline.id)).length).toBe(polls);
    expect(sub.completed).toBe(false);
    sub.stop();
  });

  it('polls jobs too, as CircleCIJob nodes', async () => {
    const pipeline = runningPipeline(800);
    const workflow = t.simulators.circleci.store.workflows.find((candidate) => candidate.pipelineId === pipeline.id);
    if (workflow === undefined) throw new Error('no workflow');
    const sub = subscribe(client(), jobSubscription, { pipelineId: pipeline.id });
    await waitFor(() => t.simulators.circleci.store.jobs.filter((job) => job.workflowId === workflow.id).every((job) => ['success', 'failed', 'not_run'].includes(job.status)), 'the run ends', 10_000);
    const jobs = t.simulators.circleci.store.jobs.filter((job) => job.workflowId === workflow.id && job.status === 'success');
    expect(jobs.length).toBeGreaterThan(0);
    await waitFor(() => jobs.every((job) => sub.results.some((result) => result.data.circleciJobStatusChanged.job.jobId === job.id && result.data.circleciJobStatusChanged.status === 'success')), 'each job\'s success', 10_000);
    const last = sub.results.map((result) => result.data.circleciJobStatusChanged).find((event) => event.job.jobId === jobs[0]?.id && event.status === 'success');
    expect(last).toEqual({
      status: 'success',
      source: 'POLL',
      workflowId: workflow.id,
      job: { id: toGlobalId('CircleCIJob', `${workflow.id}/${jobs[0]?.id}`), jobId: jobs[0]?.id, name: jobs[0]?.name, status: 'SUCCESS', projectSlug: 'gh/acme/mobile', workflow: { workflowId: workflow.id } },
    });
    sub.stop();
  });

  it('polls once for many subscribers, and stops when the last one disconnects', async () => {
    const pipeline = runningPipeline(600_000);
    const first = subscribe(client(), workflowSubscription, { pipelineId: pipeline.id });
    const secondClient = client();
    const second = subscribe(secondClient, pipelineSubscription, { pipelineId: pipeline.id });
    await waitFor(async () => (await pollsOf(pipeline.id)).length >= 5, 'several polls');
    await waitFor(() => first.results.length === 1 && second.results.length === 1, 'the first status');
    expect(first.results[0]?.data.circleciWorkflowStatusChanged.status).toBe('running');
    // One loop for both: polls come one interval apart, not in pairs.
    const times = (await pollsOf(pipeline.id)).map((at) => Date.parse(at));
    const gaps = times.slice(1).map((at, index) => at - (times[index] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(50);
    expect(t.gateway.live.pollers.activePipelines()).toContain(pipeline.id);

    first.stop();
    const afterFirst = (await pollsOf(pipeline.id)).length;
    await waitFor(async () => (await pollsOf(pipeline.id)).length >= afterFirst + 3, 'polling goes on for the remaining subscriber');

    // The last subscriber disconnects (its socket closes) without unsubscribing first.
    const sockets = t.gateway.webSocketCount();
    await secondClient.dispose();
    await waitFor(() => t.gateway.webSocketCount() === sockets - 1, 'the socket is closed');
    await waitFor(() => !t.gateway.live.pollers.activePipelines().includes(pipeline.id), 'the poller stops');
    const stopped = (await pollsOf(pipeline.id)).length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await pollsOf(pipeline.id)).length).toBe(stopped);
  });

  it('waits as long as Retry-After says when rate limited', async () => {
    const pipeline = runningPipeline(600_000);
    await t.fault('circleci', { path: `/pipeline/${pipeline.id}/workflow$`, status: 429, headers: { 'retry-after': '1' }, times: 1 });
    const sub = subscribe(client(), workflowSubscription, { pipelineId: pipeline.id });
    await waitFor(async () => (await pollsOf(pipeline.id)).length >= 2, 'a poll after the 429', 10_000);
    const [limited, next] = (await pollsOf(pipeline.id)).map((at) => Date.parse(at));
    expect((next ?? 0) - (limited ?? 0)).toBeGreaterThanOrEqual(950);
    await waitFor(() => sub.results.length === 1, 'the status after the wait');
    sub.stop();
    await t.clearFaults();
  });

  it('tells of and stops polling a pipeline that errored before any workflow', async () => {
    const store = t.simulators.circleci.store;
    const pipeline = store.addPipeline('gh/acme/mobile', nextNumber++, Date.now(), { branch: 'main', actor: 'grace', triggerType: 'api', state: 'errored' });
    const sub = subscribe(client(), pipelineSubscription, { pipelineId: pipeline.id });
    await waitFor(async () => (await pollsOf(pipeline.id)).length >= 1, 'a poll');
    await waitFor(() => !t.gateway.live.pollers.activePipelines().includes(pipeline.id), 'the poller ends');
    expect((await pollsOf(pipeline.id)).length).toBe(1);
    // Told once, so a dashboard is not left blank; a later subscriber gets it at once as the known status.
    await waitFor(() => sub.results.length === 1, 'the errored status');
    expect(sub.results[0]?.data.circleciPipelineStatusChanged).toMatchObject({ status: 'errored', previousStatus: null, source: 'POLL' });
    const late = subscribe(client(), pipelineSubscription, { pipelineId: pipeline.id });
    await waitFor(() => late.results.length === 1, 'the known status');
    expect(late.results[0]?.data.circleciPipelineStatusChanged).toMatchObject({ status: 'errored', source: 'CURRENT' });
    await waitFor(() => !t.gateway.live.pollers.activePipelines().includes(pipeline.id), 'the second watch ends too');
    expect(sub.results).toHaveLength(1);
    sub.stop();
    late.stop();
  });
});
