import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/relay/globalId.js';
import { subscribe, waitFor, type Received } from './liveHelpers.js';
import { eventsOf, originOf, pipelinesSubscription, projectIds, simControl, type PipelineChangeEvent } from './pipelineHelpers.js';
import { useLiveGateway } from './useLiveGateway.js';

const secrets = { circleci: 'circle-hooks', gitlab: 'gitlab-hooks', flexstack: 'flex-hooks' };

/** Waits for the project's `count`-th event and returns it. */
async function nth(sub: Received, projectId: string, count: number): Promise<PipelineChangeEvent> {
  await waitFor(() => eventsOf(sub, projectId).length >= count, `event ${count} of ${projectId}`);
  return eventsOf(sub, projectId)[count - 1] as PipelineChangeEvent;
}

const brief = (event: PipelineChangeEvent) => ({ status: event.pipeline?.status, runState: event.runState, previousRunState: event.previousRunState, source: event.source });

describe('pipelinesChanged with each service\'s webhooks configured', () => {
  // Polls an hour apart: after the first, every change the test sees came from a webhook.
  const live = useLiveGateway({
    env: {
      CIRCLECI_WEBHOOK_SECRET: secrets.circleci,
      GITLAB_WEBHOOK_SECRET: secrets.gitlab,
      FLEXSTACK_WEBHOOK_SECRET: secrets.flexstack,
      SUBSCRIPTION_POLL_INTERVAL_MS: '3600000',
      SUBSCRIPTION_POLL_IDLE_INTERVAL_MS: '3600000',
    },
    runDurationMs: 3_600_000,
  });
  const { t } = live;
  beforeAll(() => {
    const origin = t.url.replace(/\/graphql$/, '');
    t.simulators.circleci.webhooks.target = { url: `${origin}/webhooks/circleci`, secret: secrets.circleci };
    t.simulators.gitlab.webhooks.target = { url: `${origin}/webhooks/gitlab`, secret: secrets.gitlab };
    t.simulators.flexstack.webhooks.target = { url: `${origin}/webhooks/flexstack`, secret: secrets.flexstack };
  });

  it('delivers GitLab, FlexStack and CircleCI changes as their webhooks arrive (source WEBHOOK), each read once per webhook', async () => {
    const ids = [projectIds.gitlab, projectIds.flexstack, projectIds.circleci];
    const sub = subscribe(live.client(), pipelinesSubscription, { projects: ids });
    await waitFor(() => sub.results.length >= 3, 'a CURRENT event per project');
    // The first poll of each project has been made; every read from here on follows a webhook.
    await waitFor(() => t.gateway.live.projectPollers.pollCount() >= 3, 'the first polls');
    // Successful polls: a read that failed (a slow machine's timeout) is tried again for the same news.
    const succeeded = (): number => t.gateway.live.projectPollers.pollCount() - t.gateway.live.projectPollers.pollFailureCount();
    const polls = succeeded();

    const gitlab = originOf(t.simulators, 'gitlab');
    const { id: pipeline } = await simControl(gitlab, 'projects/1/pipelines');
    expect(brief(await nth(sub, projectIds.gitlab, 2))).toEqual({ status: 'created', runState: 'PENDING', previousRunState: 'RUNNING', source: 'WEBHOOK' });
    await simControl(gitlab, `pipelines/${pipeline}/status`, { status: 'running' });
    expect(brief(await nth(sub, projectIds.gitlab, 3))).toEqual({ status: 'running', runState: 'RUNNING', previousRunState: 'PENDING', source: 'WEBHOOK' });
    await simControl(gitlab, `pipelines/${pipeline}/status`, { status: 'failed' });
    expect(brief(await nth(sub, projectIds.gitlab, 4))).toEqual({ status: 'failed', runState: 'FAILED', previousRunState: 'RUNNING', source: 'WEBHOOK' });

    const flexstack = originOf(t.simulators, 'flexstack');
    const deployment = await simControl(flexstack, `projects/${t.simulators.flexstack.store.projects[0]?.id}/deployments`);
    expect(brief(await nth(sub, projectIds.flexstack, 2))).toEqual({ status: 'in_progress', runState: 'RUNNING', previousRunState: 'SUCCEEDED', source: 'WEBHOOK' });
    await simControl(flexstack, `deployments/${deployment.id}/status`, { status: 'succeeded' });
    expect(brief(await nth(sub, projectIds.flexstack, 3))).toEqual({ status: 'succeeded', runState: 'SUCCEEDED', previousRunState: 'RUNNING', source: 'WEBHOOK' });

    // CircleCI announces completions only: a new pipeline is first seen when its workflow completes.
    const triggered = await fetch(`${t.simulators.urls.circleci}/project/gh/acme/api/pipeline`, {
      method: 'POST',
      headers: { 'circle-token': 'demo-circleci-token', 'content-type': 'application/json' },
      body: '{}',
    });
    const { id: circlePipeline } = (await triggered.json()) as { id: string };
    await simControl(originOf(t.simulators, 'circleci'), `pipelines/${circlePipeline}/status`, { status: 'success' });
    const completed = await nth(sub, projectIds.circleci, 2);
    expect([completed.pipeline?.id, completed.runState, completed.source]).toEqual([toGlobalId('CircleCIPipeline', circlePipeline), 'SUCCEEDED', 'WEBHOOK']);

    // Reads followed webhooks only, a few per delivery at most (a CircleCI completion sends one per job and one for the workflow).
    const deliveries = t.simulators.gitlab.webhooks.deliveries.length + t.simulators.flexstack.webhooks.deliveries.length + t.simulators.circleci.webhooks.deliveries.length;
    expect(succeeded() - polls).toBeGreaterThanOrEqual(6);
    expect(succeeded() - polls).toBeLessThanOrEqual(deliveries);
    expect(sub.results.filter((result) => result.errors !== undefined)).toEqual([]);
    sub.stop();
  });
});

describe('pipelinesChanged with GITLAB_WEBHOOK_SECRET set and no hook on the project', () => {
  // The receiver is on, but GitLab delivers nothing: the idle poll still finds the change.
  const live = useLiveGateway({
    env: { GITLAB_WEBHOOK_SECRET: secrets.gitlab, SUBSCRIPTION_POLL_INTERVAL_MS: '100', SUBSCRIPTION_POLL_IDLE_INTERVAL_MS: '200' },
  });
  const { t } = live;

  it('finds the change by polling, at the idle interval', async () => {
    const sub = subscribe(live.client(), pipelinesSubscription, { projects: [projectIds.gitlab] });
    await waitFor(() => sub.results.length >= 1, 'the CURRENT event');
    await t.clearRequests();
    const running = t.simulators.gitlab.store.pipelines.filter((pipeline) => pipeline.projectId === 1 && pipeline.ref === 'main').at(-1);
    await simControl(originOf(t.simulators, 'gitlab'), `pipelines/${running?.id}/status`, { status: 'canceled' });
    expect(brief(await nth(sub, projectIds.gitlab, 2))).toEqual({ status: 'canceled', runState: 'CANCELED', previousRunState: 'RUNNING', source: 'POLL' });
    // A running pipeline is polled at the idle interval too: the hooks are trusted to announce changes.
    const latestReads = async () => (await t.requests('gitlab')).filter((request) => request.path === '/api/v4/projects/1/pipelines/latest').map((request) => Date.parse(request.at));
    await waitFor(async () => (await latestReads()).length >= 3, 'three polls');
    const reads = await latestReads();
    for (let index = 1; index < reads.length; index++) expect((reads[index] as number) - (reads[index - 1] as number)).toBeGreaterThanOrEqual(190);
    sub.stop();
  });
});
