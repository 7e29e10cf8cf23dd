import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createGateway, type Gateway } from '../../src/server/createGateway.js';
import type { SimPipeline } from '../../src/simulators/circleci/store.js';
import { startSimulators, type RunningSimulators } from '../../src/simulators/startSimulators.js';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.js';
import { circleCiWorkflowBody, hmac, pipelineSubscription, post, subscribe, waitFor, workflowSubscription, wsClient } from './liveHelpers.js';

const secret = 'replica-secret';
let redis: RedisServer;
let simulators: RunningSimulators;
let first: Gateway;
let second: Gateway;
const clients: Client[] = [];

async function replica(): Promise<Gateway> {
  const gateway = await createGateway({
    config: loadConfig({
      CIRCLECI_URL: simulators.urls.circleci,
      CIRCLECI_TOKEN: 'demo-circleci-token',
      REDIS_URL: redis.url,
      CIRCLECI_WEBHOOK_SECRET: secret,
      SUBSCRIPTION_POLL_INTERVAL_MS: '100',
      SUBSCRIPTION_POLL_LEASE_MS: '600',
      UPSTREAM_TIMEOUT_MS: '2000',
    }),
  });
  await gateway.listen(0, '127.0.0.1');
  return gateway;
}

function client(gateway: Gateway): Client {
  const made = wsClient(gateway.url(), { 'x-circleci-token': 'circleci-token-grace' });
  clients.push(made);
  return made;
}

beforeAll(async () => {
  redis = await startRedisServer();
  simulators = await startSimulators();
  first = await replica();
  second = await replica();
}, 300_000);

afterAll(async () => {
  await Promise.all(clients.map((made) => made.dispose()));
  await first?.stop();
  await second?.stop();
  await simulators?.close();
  await redis?.stop();
  for (const gateway of [first, second]) {
    expect(gateway.webSocketCount()).toBe(0);
    expect(gateway.live.streamCount()).toBe(0);
    expect(gateway.live.pollers.activePipelines()).toEqual([]);
  }
});

function runningPipeline(number: number): SimPipeline {
  const store = simulators.circleci.store;
  const pipeline = store.addPipeline('gh/acme/infra', number, Date.now(), { branch: 'main', actor: 'grace', triggerType: 'api' });
  store.runDurationMs = 600_000;
  store.addWorkflow(pipeline, 'build-and-test', 'running', Date.now());
  return pipeline;
}

describe('two replicas on one Redis', () => {
  it('delivers a webhook taken by one replica to a subscriber on the other, once', async () => {
    const workflow = simulators.circleci.store.workflows.find((candidate) => candidate.projectSlug === 'gh/acme/web');
    if (workflow === undefined) throw new Error('no workflow');
    const onSecond = subscribe(client(second), workflowSubscription, { projectSlug: 'gh/acme/web' });
    const onFirst = subscribe(client(first), workflowSubscription, { projectSlug: 'gh/acme/web' });
    await waitFor(() => second.live.streamCount() === 1 && first.live.streamCount() === 1, 'both subscriptions registered');
    const body = circleCiWorkflowBody({ id: 'replicated-1', projectSlug: 'gh/acme/web', pipelineId: workflow.pipelineId, workflowId: workflow.id, status: 'failed' });
    const headers = { 'circleci-signature': `v1=${hmac(secret, body)}` };
    expect((await post(first.url(), '/webhooks/circleci', body, headers)).status).toBe(202);
    // The same delivery retried at the other replica is a duplicate there too.
    expect((await post(second.url(), '/webhooks/circleci', body, headers)).body.status).toBe('duplicate');
    await waitFor(() => onSecond.results.length === 1 && onFirst.results.length === 1, 'the event on both replicas');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(onSecond.results).toHaveLength(1);
    expect(onSecond.results[0]?.data.circleciWorkflowStatusChanged).toMatchObject({ status: 'failed', source: 'WEBHOOK', workflow: { workflowId: workflow.id } });
    onSecond.stop();
    onFirst.stop();
  });

  it('polls a pipeline watched on both replicas from one of them, and hands over when its subscriber leaves', async () => {
    const pipeline = runningPipeline(900);
    const a = subscribe(client(first), pipelineSubscription, { pipelineId: pipeline.id });
    await waitFor(() => first.live.pollers.pollCount() >= 2, 'the first replica polls');
    const b = subscribe(client(second), pipelineSubscription, { pipelineId: pipeline.id });
    await waitFor(() => second.live.pollers.activePipelines().includes(pipeline.id), 'the second replica watches');
    const before = { first: first.live.pollers.pollCount(), second: second.live.pollers.pollCount() };
    await waitFor(() => first.live.pollers.pollCount() >= before.first + 5, 'more polls');
    // The lease keeps the second replica from polling while the first holds it.
    expect(second.live.pollers.pollCount()).toBe(before.second);
    // Both subscribers saw the single running status, once: the late one at once, as the status the gateway knew.
    await waitFor(() => b.results.length === 1 && a.results.length === 1, 'one status event each');
    expect(a.results[0]?.data.circleciPipelineStatusChanged).toMatchObject({ status: 'running', previousStatus: null, source: 'POLL' });
    expect(b.results[0]?.data.circleciPipelineStatusChanged).toMatchObject({ status: 'running', previousStatus: null, source: 'CURRENT' });

    a.stop();
    await waitFor(() => second.live.pollers.pollCount() >= before.second + 3, 'the second replica takes over', 10_000);
    await waitFor(() => !first.live.pollers.activePipelines().includes(pipeline.id), 'the first replica stopped');
    const firstStopped = first.live.pollers.pollCount();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(first.live.pollers.pollCount()).toBe(firstStopped);

    // Finishing the run reaches the subscriber on the second replica through its own poller.
    const workflow = simulators.circleci.store.workflows.find((candidate) => candidate.pipelineId === pipeline.id);
    if (workflow !== undefined) workflow.finishesAt = Date.now();
    await waitFor(() => b.results.length === 2, 'success on the second replica');
    expect(b.results[1]?.data.circleciPipelineStatusChanged).toMatchObject({ status: 'success', previousStatus: 'running', source: 'POLL' });
    b.stop();
  });

  it('takes over a pipeline whose lease holder stopped renewing', async () => {
    const pipeline = runningPipeline(901);
    const direct = new Redis(redis.url);
    try {
      // A replica that took the lease and then stalled: its lease lapses after 800 ms.
      await direct.set(`switchyard:live:lease:poll:circleci:${pipeline.id}`, 'stalled-replica', 'PX', 800);
      const started = Date.now();
      const before = first.live.pollers.pollCount();
      const sub = subscribe(client(first), pipelineSubscription, { pipelineId: pipeline.id });
      await waitFor(() => sub.results.length === 1, 'the running status once the lease lapsed', 10_000);
      expect(Date.now() - started).toBeGreaterThanOrEqual(700);
      expect(first.live.pollers.pollCount()).toBeGreaterThan(before);
      expect(await direct.get(`switchyard:live:lease:poll:circleci:${pipeline.id}`)).not.toBe('stalled-replica');
      sub.stop();
    } finally {
      direct.disconnect();
    }
  });

  it('answers 503 while Redis is down and delivers across replicas again once it is back', async () => {
    const workflow = simulators.circleci.store.workflows.find((candidate) => candidate.projectSlug === 'gh/acme/infra');
    if (workflow === undefined) throw new Error('no workflow');
    const onSecond = subscribe(client(second), workflowSubscription, { projectSlug: 'gh/acme/infra' });
    await waitFor(() => second.live.streamCount() === 1, 'the subscription registered');
    const body = (id: string, status: string) =>
      circleCiWorkflowBody({ id, projectSlug: 'gh/acme/infra', pipelineId: workflow.pipelineId, workflowId: workflow.id, status });
    const deliver = (raw: string) => post(first.url(), '/webhooks/circleci', raw, { 'circleci-signature': `v1=${hmac(secret, raw)}` });

    await redis.stop();
    await waitFor(() => !second.live.bus.isConnected(), 'the replica notices the outage');
    const during = body('outage-1', 'canceled');
    expect((await deliver(during)).status).toBe(503);
    await redis.start();
    // Redis pub/sub keeps nothing for a disconnected replica: wait until both listen again.
    await waitFor(() => first.live.bus.isConnected() && second.live.bus.isConnected(), 'both replicas subscribed again', 20_000);
    // The sender retries the same delivery: it was not taken the first time, so it is not a duplicate now.
    let answer = { status: 0, body: null as unknown };
    await waitFor(async () => {
      answer = await deliver(during);
      return answer.status !== 503;
    }, 'Redis answers again', 20_000);
    expect(answer).toEqual({ status: 202, body: { status: 'accepted', type: 'workflow-completed' } });
    await waitFor(() => onSecond.results.length === 1, 'the event on the other replica after the outage', 15_000);
    expect(onSecond.results[0]?.data.circleciWorkflowStatusChanged).toMatchObject({ status: 'canceled', source: 'WEBHOOK' });
    onSecond.stop();
  }, 60_000);
});
