/**
 * `pipelinesChanged` benchmark (not a test): for growing numbers of
 * subscribers of the same four projects (one of each pipeline service), the
 * upstream reads their start and their polling cost, how long a change takes
 * to reach every subscriber, and the memory each subscriber holds. Polling
 * every 250 ms, on one in-process gateway over the simulators. Loopback only;
 * every loop is bounded.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig, serviceSettings } from '../src/config/config.js';
import type { ServiceName } from '../src/config/ServiceName.js';
import { toGlobalId } from '../src/relay/globalId.js';
import { createGateway, type Gateway } from '../src/server/createGateway.js';
import { startSimulators, type RunningSimulators } from '../src/simulators/startSimulators.js';

const intervalMs = 250;
const counts = (process.env['BENCH_LIVE_SUBSCRIBERS'] ?? '1,100,500,1000').split(',').map(Number);
const changes = 5;
const perConnection = 100;
const waitBudgetMs = 60_000;
const projects = [
  toGlobalId('CircleCIProject', 'gh/acme/api'),
  toGlobalId('GitLabProject', 1),
  toGlobalId('ConcordProject', 'Default/analytics'),
  toGlobalId('FlexStackProject', 'b7G1EKxv9BB7srnAhz3zbC'),
];
const subscription = 'subscription ($projects: [ID!]!) { pipelinesChanged(projects: $projects) { project { id } pipeline { id status } runState source } }';

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + waitBudgetMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function gateway(simulators: RunningSimulators): Promise<Gateway> {
  const env: Record<string, string> = {
    SUBSCRIPTION_POLL_INTERVAL_MS: String(intervalMs),
    SUBSCRIPTION_POLL_IDLE_INTERVAL_MS: String(intervalMs),
    CACHE_ENABLED: 'false',
    LOG_LEVEL: 'error',
  };
  for (const [service, url] of Object.entries(simulators.urls) as [ServiceName, string][]) {
    env[serviceSettings[service].url] = url;
    env[serviceSettings[service].token] = simulators.tokens[service] ?? '';
  }
  const started = await createGateway({ config: loadConfig(env) });
  await started.listen(0, '127.0.0.1');
  return started;
}

function reads(simulators: RunningSimulators): number {
  return Object.values(simulators.byService).reduce((sum, simulator) => sum + (simulator?.requests().length ?? 0), 0);
}

async function measure(simulators: RunningSimulators, subscribers: number): Promise<Record<string, string | number>> {
  const live = await gateway(simulators);
  for (const simulator of Object.values(simulators.byService)) simulator?.clearRequests();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const clients: Client[] = [];
  const received: number[] = new Array<number>(subscribers).fill(0);
  const lastRunState: (string | undefined)[] = new Array<string | undefined>(subscribers).fill(undefined);
  const stops: (() => void)[] = [];
  const startedAt = Date.now();
  for (let index = 0; index < subscribers; index++) {
    if (index % perConnection === 0) clients.push(createClient({ url: live.url().replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 }));
    stops.push(
      (clients.at(-1) as Client).subscribe(
        { query: subscription, variables: { projects } },
        {
          next: (result) => {
            received[index] = (received[index] ?? 0) + 1;
            const change = (result.data as { pipelinesChanged?: { project: { id: string }; runState: string } } | undefined)?.pipelinesChanged;
            if (change !== undefined && change.project.id === projects[1]) lastRunState[index] = change.runState;
          },
          error: () => undefined,
          complete: () => undefined,
        },
      ),
    );
  }
  await until(() => received.every((count) => count >= projects.length), 'every CURRENT event');
  const startMs = Date.now() - startedAt;
  const startReads = reads(simulators);
  global.gc?.();
  const heapPerSubscriber = (process.memoryUsage().heapUsed - heapBefore) / subscribers;

  // GitLab's runner moves the project's pipeline back and forth; each change must reach every subscriber.
  const latencies: number[] = [];
  const pipeline = simulators.gitlab.store.pipelines.filter((candidate) => candidate.projectId === 1 && candidate.ref === 'main').at(-1);
  if (pipeline === undefined) throw new Error('no GitLab pipeline');
  const pollStart = Date.now();
  const readsBefore = reads(simulators);
  for (let change = 0; change < changes; change++) {
    const [status, runState] = change % 2 === 0 ? ['failed', 'FAILED'] : ['running', 'RUNNING'];
    const movedAt = Date.now();
    simulators.gitlab.store.setPipelineStatus(pipeline, status, new Date().toISOString());
    await until(() => lastRunState.every((state) => state === runState), `${runState} everywhere`);
    latencies.push(Date.now() - movedAt);
  }
  const pollSeconds = (Date.now() - pollStart) / 1000;
  const pollReads = reads(simulators) - readsBefore;
  for (const stop of stops) stop();
  await Promise.all(clients.map((client) => client.dispose()));
  await live.stop();
  latencies.sort((a, b) => a - b);
  return {
    subscribers,
    'start (ms)': startMs,
    'upstream calls to start': startReads,
    'upstream calls / s while polling': Number((pollReads / pollSeconds).toFixed(1)),
    'change to all, p50 (ms)': latencies[Math.floor(latencies.length / 2)] ?? Number.NaN,
    'change to all, max (ms)': latencies.at(-1) ?? Number.NaN,
    'heap / subscriber (KiB)': Number((heapPerSubscriber / 1024).toFixed(1)),
  };
}

const simulators = await startSimulators({ runDurationMs: 3_600_000 });
const rows: Record<string, string | number>[] = [];
try {
  for (const count of counts) {
    rows.push(await measure(simulators, count));
    process.stdout.write(`${JSON.stringify(rows.at(-1))}\n`);
  }
} finally {
  await simulators.close();
}
console.table(rows);
process.stdout.write(`Polling every ${intervalMs} ms; four projects (CircleCI: 2 calls a poll, the others 1): one poller each costs ${((5 * 1000) / intervalMs).toFixed(0)} calls/s at most, whatever the subscribers.\n`);
