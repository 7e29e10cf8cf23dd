import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/relay/globalId.js';
import { pipelineSubscription, subscribe, waitFor, workflowSubscription } from './liveHelpers.js';
import { useLiveGateway } from './useLiveGateway.js';

const secret = 'simulated-secret';
// Very long runs: only the test decides when a workflow finishes. Nothing of the gateway, its
// subscriptions or the simulator clock may be left running after the tests.
const { t, client: connect } = useLiveGateway({ env: { CIRCLECI_WEBHOOK_SECRET: secret, SUBSCRIPTION_POLL_INTERVAL_MS: '60000' }, runDurationMs: 3_600_000 });
beforeAll(() => {
  t.simulators.circleci.webhooks.target = { url: t.url.replace(/\/graphql$/, '/webhooks/circleci'), secret };
});

const jobSubscription = /* GraphQL */ `
  subscription ($projectSlug: String) {
    circleciJobStatusChanged(projectSlug: $projectSlug) {
      status
      previousStatus
      workflowId
      source
      job { id jobId jobNumber name type status rawStatus stoppedAt projectSlug workflow { workflowId } details { number name } }
      jobStatusEvent { id number status }
    }
  }
`;

describe('the CircleCI simulator delivering signed webhooks', () => {
  it('reaches workflow and job subscribers when a run finishes', async () => {
    const store = t.simulators.circleci.store;
    const workflow = store.workflows.find((candidate) => candidate.projectSlug === 'gh/acme/api' && candidate.status === 'running');
    if (workflow === undefined) throw new Error('no running workflow');
    const client = connect({ 'x-circleci-token': 'circleci-token-grace' });
    const workflows = subscribe(client, workflowSubscription, { projectSlug: 'gh/acme/api' });
    const jobs = subscribe(client, jobSubscription, { projectSlug: 'gh/acme/api' });
    const pipelines = subscribe(client, pipelineSubscription, { projectSlug: 'gh/acme/api' });
    await waitFor(() => t.gateway.live.streamCount() === 3, 'the subscriptions registered');

    workflow.finishesAt = Date.now();
    store.advance();
    await t.simulators.circleci.webhooks.flush();

    const sent = t.simulators.circleci.webhooks.deliveries;
    expect(sent.map((delivery) => [delivery.type, delivery.status])).toEqual([
      ['job-completed', 202],
      ['job-completed', 202],
      ['workflow-completed', 202],
    ]);
    await waitFor(() => workflows.results.length === 2 && jobs.results.length === 2 && pipelines.results.length === 1, 'the events');
    // The pipeline's other workflow, read when the webhook came, keeps it on hold rather than successful.
    expect(workflows.results[0]?.data.circleciWorkflowStatusChanged).toMatchObject({ status: 'on_hold', previousStatus: null, workflow: { name: 'deploy' } });
    expect(pipelines.results[0]?.data.circleciPipelineStatusChanged).toMatchObject({ status: 'on_hold', pipelineId: workflow.pipelineId, source: 'WEBHOOK' });
    expect(workflows.results[1]?.data.circleciWorkflowStatusChanged).toEqual({
      status: 'success',
      previousStatus: null,
      projectSlug: 'gh/acme/api',
      source: 'WEBHOOK',
      workflow: { workflowId: workflow.id, name: workflow.name, status: 'success', pipelineNumber: workflow.pipelineNumber },
    });
    const jobEvents = jobs.results.map((result) => result.data.circleciJobStatusChanged);
    expect(jobEvents.map((event) => [event.job.name, event.status, event.workflowId, event.source])).toEqual([
      ['test', 'success', workflow.id, 'WEBHOOK'],
      ['lint', 'success', workflow.id, 'WEBHOOK'],
    ]);
    expect(jobEvents[0]?.job.stoppedAt).toBe(workflow.stoppedAt);
    // The job is a CircleCIJob built from the webhook: a node that leads to its workflow and details.
    const job = store.jobs.find((candidate) => candidate.workflowId === workflow.id && candidate.name === 'test');
    if (job === undefined) throw new Error('no test job');
    expect(jobEvents[0]?.job).toEqual({
      id: toGlobalId('CircleCIJob', `${workflow.id}/${job.id}`),
      jobId: job.id,
      jobNumber: job.jobNumber,
      name: 'test',
      type: 'BUILD',
      status: 'SUCCESS',
      rawStatus: 'success',
      stoppedAt: workflow.stoppedAt,
      projectSlug: 'gh/acme/api',
      workflow: { workflowId: workflow.id },
      details: { number: job.jobNumber, name: 'test' },
    });
    expect(jobEvents[0]?.jobStatusEvent).toEqual({ id: job.id, number: job.jobNumber, status: 'success' });
    // The global id finds the same job again.
    const node = await t.gql(`query ($id: ID!) { node(id: $id) { ... on CircleCIJob { jobId name } } }`, { id: jobEvents[0]?.job.id }, { 'x-circleci-token': 'circleci-token-grace' });
    expect(node.data).toEqual({ node: { jobId: job.id, name: 'test' } });
  });

  it('sends a late pipelineId subscriber the status the gateway knows at once, without asking CircleCI again', async () => {
    const store = t.simulators.circleci.store;
    const workflow = store.workflows.find((candidate) => candidate.projectSlug !== 'gh/acme/api' && candidate.status === 'running');
    if (workflow === undefined) throw new Error('no running workflow');
    const workflowReads = async (): Promise<number> =>
      (await t.requests('circleci')).filter((request) => request.path === `/api/v2/pipeline/${workflow.pipelineId}/workflow`).length;
    const early = connect({ 'x-circleci-token': 'circleci-token-grace' });
    const late = connect({ 'x-circleci-token': 'circleci-token-grace' });
    const first = subscribe(early, pipelineSubscription, { pipelineId: workflow.pipelineId });
    // The first watcher's poll (at once; the next only in a minute) tells the gateway the status.
    await waitFor(() => first.results.length === 1, 'the first poll');
    expect(first.results[0]?.data.circleciPipelineStatusChanged).toMatchObject({ previousStatus: null, source: 'POLL' });
    const status: string = first.results[0]?.data.circleciPipelineStatusChanged.status;
    const reads = await workflowReads();

    const second = subscribe(late, pipelineSubscription, { pipelineId: workflow.pipelineId });
    await waitFor(() => second.results.length === 1, 'the current status', 5_000);
    expect(second.results[0]?.data.circleciPipelineStatusChanged).toEqual({
      status,
      previousStatus: null,
      pipelineId: workflow.pipelineId,
      source: 'CURRENT',
      pipeline: { pipelineId: workflow.pipelineId, number: workflow.pipelineNumber, projectSlug: workflow.projectSlug },
    });
    expect(await workflowReads()).toBe(reads);

    // Then changes only, to both.
    workflow.finishesAt = Date.now();
    store.advance();
    await t.simulators.circleci.webhooks.flush();
    await waitFor(() => first.results.length === 2 && second.results.length === 2, 'the change on both');
    // The webhook wakes the poller too: whichever saw the change first told it, once.
    const change = second.results[1]?.data.circleciPipelineStatusChanged;
    expect(change.previousStatus).toBe(status);
    expect(change.status).not.toBe(status);
    expect(first.results[1]?.data.circleciPipelineStatusChanged).toEqual(change);
    first.stop();
    second.stop();
  });
});
