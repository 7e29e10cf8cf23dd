import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, serviceSettings } from '../../src/config/config.js';
import type { ServiceName } from '../../src/config/ServiceName.js';
import { createGateway, type Gateway } from '../../src/server/createGateway.js';
import type { LoggedRequest } from '../../src/simulators/core/Simulator.js';
import { startSimulators, type RunningSimulators } from '../../src/simulators/startSimulators.js';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.js';
import { subscribe, waitFor, wsClient, type Received } from './liveHelpers.js';
import { eventsOf, originOf, pipelinesSubscription, projectIds, simControl } from './pipelineHelpers.js';

const intervalMs = 100;
const ids = [projectIds.circleci, projectIds.gitlab, projectIds.concord, projectIds.flexstack];

/** The read of each watched project's latest pipeline, one per poll, by service. */
const pollPaths: Readonly<Record<'circleci' | 'gitlab' | 'concord' | 'flexstack', (request: LoggedRequest) => boolean>> = {
  circleci: (request) => request.path === '/api/v2/project/gh/acme/api/pipeline',
  gitlab: (request) => request.path === '/api/v4/projects/1/pipelines/latest',
  concord: (request) => request.path === '/api/v2/process' && request.query['projectName'] === 'analytics',
  flexstack: (request) => /^\/v1\/projects\/b7G1EKxv9BB7srnAhz3zbC\/deployments$/.test(request.path),
};

let redis: RedisServer;
let simulators: RunningSimulators;
const replicas: Gateway[] = [];
const clients: Client[] = [];

async function replica(redisUrl: string | undefined): Promise<Gateway> {
  const env: Record<string, string> = {
    SUBSCRIPTION_POLL_INTERVAL_MS: String(intervalMs),
    SUBSCRIPTION_POLL_IDLE_INTERVAL_MS: String(intervalMs),
    SUBSCRIPTION_POLL_LEASE_MS: '1000',
    UPSTREAM_TIMEOUT_MS: '5000',
    CACHE_ENABLED: 'false',
    LOG_LEVEL: 'error',
    // Replicas fingerprint a credential alike, so they share its pollers.
    CACHE_KEY_SECRET: 'replicas-share-this-secret',
    ...(redisUrl === undefined ? {} : { REDIS_URL: redisUrl }),
  };
  for (const [service, url] of Object.entries(simulators.urls) as [ServiceName, string][]) {
    env[serviceSettings[service].url] = url;
    const token = simulators.tokens[service];
    if (token !== undefined) env[serviceSettings[service].token] = token;
  }
  const gateway = await createGateway({ config: loadConfig(env) });
  await gateway.listen(0, '127.0.0.1');
  return gateway;
}

/** `count` subscriptions to the four projects, 50 on each graphql-ws connection. */
function subscribers(gateway: Gateway, count: number): Received[] {
  const subs: Received[] = [];
  let client: Client | undefined;
  for (let index = 0; index < count; index++) {
    if (index % 50 === 0) {
      client = wsClient(gateway.url());
      clients.push(client);
    }
    subs.push(subscribe(client as Client, pipelinesSubscription, { projects: ids }));
  }
  return subs;
}

/** The read of each watched project itself, made on subscribe to check the subscriber may read it. */
const projectPaths: Readonly<Record<keyof typeof pollPaths, string>> = {
  circleci: '/api/v2/project/gh/acme/api',
  gitlab: '/api/v4/projects/1',
  concord: '/api/v2/org/Default/project/analytics',
  flexstack: '/v1/projects/b7G1EKxv9BB7srnAhz3zbC',
};

/** Every read of each project since the logs were cleared: its polls, and its reads on subscribe. */
async function pollReads(which: 'polls' | 'projects' = 'polls'): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const service of Object.keys(pollPaths) as (keyof typeof pollPaths)[]) {
    const log = (await (await fetch(`${originOf(simulators, service)}/__sim/requests`)).json()) as LoggedRequest[];
    counts[service] = log.filter(which === 'polls' ? pollPaths[service] : (request) => request.path === projectPaths[service]).length;
  }
  return counts;
}

async function clearLogs(): Promise<void> {
  await Promise.all(Object.values(simulators.byService).map((simulator) => fetch(`${simulator.origin}/__sim/requests`, { method: 'DELETE' })));
}

/**
 * A poller waits at least the interval after each poll, so in `elapsedMs`
 * one poller per project reads it at most this often (and the first read at
 * once): one read per subscriber, or per replica, would be far over.
 */
const onePollerBound = (elapsedMs: number): number => Math.floor(elapsedMs / intervalMs) + 2;

/** Moves the GitLab project's running pipeline to a new status and waits until every subscriber has the event. */
async function moveAndWait(subs: readonly Received[], status: string, runState: string): Promise<void> {
  const pipeline = simulators.gitlab.store.pipelines.filter((candidate) => candidate.projectId === 1 && candidate.ref === 'main').at(-1);
  await simControl(originOf(simulators, 'gitlab'), `pipelines/${pipeline?.id}/status`, { status });
  await waitFor(() => subs.every((sub) => eventsOf(sub, projectIds.gitlab).at(-1)?.runState === runState), `${runState} for every subscriber`, 60_000);
}

beforeAll(async () => {
  redis = await startRedisServer();
  simulators = await startSimulators({ runDurationMs: 3_600_000 });
}, 300_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  for (const gateway of replicas) await gateway.stop();
  await simulators?.close();
  await redis?.stop();
  for (const gateway of replicas) {
    expect(gateway.live.streamCount()).toBe(0);
    expect(gateway.live.projectPollers.activeTargets()).toEqual([]);
  }
});

describe('pipelinesChanged pollers are shared', () => {
  it('500 subscribers of the same four projects on one replica cost one poller per project', async () => {
    const gateway = await replica(undefined);
    replicas.push(gateway);
    await clearLogs();
    const started = Date.now();
    const subs = subscribers(gateway, 500);
    await waitFor(() => subs.every((sub) => sub.results.length >= 4), 'every CURRENT event', 60_000);
    expect(subs.every((sub) => sub.results.every((result) => result.errors === undefined && result.data?.pipelinesChanged.source === 'CURRENT'))).toBe(true);
    expect(gateway.live.projectPollers.stats().map((stats) => stats.subscribers)).toEqual([500, 500, 500, 500]);

    await moveAndWait(subs, 'failed', 'FAILED');
    await moveAndWait(subs, 'running', 'RUNNING');
    const elapsed = Date.now() - started;
    const reads = await pollReads();
    for (const [service, count] of Object.entries(reads)) {
      expect(count, service).toBeGreaterThanOrEqual(1);
      expect(count, `${service}: ${count} reads in ${elapsed} ms`).toBeLessThanOrEqual(onePollerBound(elapsed));
    }
    // The subscribers' reads of the projects themselves are shared too (for 10 s each).
    for (const [service, count] of Object.entries(await pollReads('projects'))) {
      expect(count, `${service}: ${count} project reads in ${elapsed} ms`).toBeLessThanOrEqual(Math.ceil(elapsed / 10_000) + 1);
    }
    for (const sub of subs) sub.stop();
    await waitFor(() => gateway.live.projectPollers.activeTargets().length === 0, 'the pollers end');
  }, 120_000);

  it('across two replicas on one Redis, subscribers on both, each project is polled by one replica', async () => {
    const first = await replica(redis.url);
    const second = await replica(redis.url);
    replicas.push(first, second);
    await clearLogs();
    const started = Date.now();
    const subs = [...subscribers(first, 250), ...subscribers(second, 250)];
    await waitFor(() => subs.every((sub) => sub.results.length >= 4), 'every CURRENT event', 60_000);
    const pollsOf = (gateway: Gateway) => new Map(gateway.live.projectPollers.stats().map((stats) => [`${stats.target.service}:${stats.target.key}`, stats.polls]));
    const before = [pollsOf(first), pollsOf(second)];

    await moveAndWait(subs, 'success', 'SUCCEEDED');
    await moveAndWait(subs, 'running', 'RUNNING');
    const elapsed = Date.now() - started;
    const reads = await pollReads();
    for (const [service, count] of Object.entries(reads)) {
      expect(count, `${service}: ${count} reads in ${elapsed} ms`).toBeLessThanOrEqual(onePollerBound(elapsed));
    }
    // Each project's polls went on at one replica only: the lease holder's.
    const after = [pollsOf(first), pollsOf(second)];
    for (const key of after[0]?.keys() ?? []) {
      const grew = after.map((polls, index) => (polls.get(key) ?? 0) - (before[index]?.get(key) ?? 0));
      expect(grew.filter((count) => count > 0), key).toHaveLength(1);
    }
    for (const sub of subs) sub.stop();
  }, 120_000);
});
