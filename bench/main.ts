/**
 * Response cache benchmark (not a test): a dashboard-sized query over the
 * CircleCI simulator with 20 ms of injected latency per upstream call, cold
 * (cache emptied before each query) and warm, for the in-memory store and,
 * when redis-server is installed, for Redis. Loopback only; every loop is
 * bounded by an iteration count and a time budget.
 */
import { existsSync } from 'node:fs';
import { pino } from 'pino';
import { loadConfig } from '../src/config/config.js';
import { createGateway } from '../src/server/createGateway.js';
import { startSimulators, type RunningSimulators } from '../src/simulators/startSimulators.js';
import { startRedisServer, type RedisServer } from '../test/helpers/redisServer.js';

const latencyMs = 20;
const coldIterations = 20;
const warmIterations = 400;
const warmConcurrency = Number(process.env["BENCH_WARM_CONCURRENCY"] ?? 8);
const phaseBudgetMs = 60_000;
const slugs = ['gh/acme/api', 'gh/acme/web', 'gh/acme/infra', 'gh/acme/mobile', 'bb/globex/billing', 'bb/globex/reports', 'gh/initech/tps'];

const dashboard = `{
${slugs
  .map(
    (slug, i) => `  p${i}: circleciProject(slug: "${slug}") {
    fullName
    pipelines(first: 3) { edges { node { number state createdAt workflows { edges { node { name status } } } } } }
  }`,
  )
  .join('\n')}
}`;

interface PhaseResult {
  readonly store: string;
  readonly phase: string;
  readonly queries: number;
  readonly upstreamPerQuery: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly perSecond: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function post(url: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: dashboard }) });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors !== undefined) throw new Error(`query failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
}

async function upstreamCalls(simulators: RunningSimulators): Promise<number> {
  return simulators.circleci.simulator.requests().length;
}

async function runPhase(
  simulators: RunningSimulators,
  store: string,
  phase: string,
  iterations: number,
  concurrency: number,
  before: () => Promise<void>,
  url: string,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  simulators.circleci.simulator.clearRequests();
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < iterations && performance.now() - started < phaseBudgetMs) {
      next++;
      await before();
      const t0 = performance.now();
      await post(url);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    store,
    phase,
    queries: latencies.length,
    upstreamPerQuery: (await upstreamCalls(simulators)) / latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / elapsed,
  };
}

async function benchStore(simulators: RunningSimulators, store: string, env: Record<string, string>): Promise<PhaseResult[]> {
  const gateway = await createGateway({
    config: loadConfig({ CIRCLECI_URL: simulators.urls.circleci ?? '', CIRCLECI_TOKEN: 'demo-circleci-token', ...env }),
    logger: pino({ level: 'silent' }),
  });
  const url = await gateway.listen(0, '127.0.0.1');
  try {
    if (gateway.cache.store.kind === 'redis') {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (await gateway.cache.store.get('switchyard:bench:probe')) === undefined) {
        await gateway.cache.store.set('switchyard:bench:probe', '1', 10_000);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    await post(url); // warm the connection pools and the schema
    const cold = await runPhase(simulators, store, 'cold', coldIterations, 1, () => gateway.cache.clear(), url);
    await gateway.cache.clear();
    await post(url);
    const warm = await runPhase(simulators, store, `warm x${warmConcurrency}`, warmIterations, warmConcurrency, async () => undefined, url);
    return [cold, warm];
  } finally {
    await gateway.stop();
  }
}

async function main(): Promise<void> {
  const simulators = await startSimulators();
  simulators.circleci.simulator.addFault({ path: '.*', latencyMs });
  const results: PhaseResult[] = [];
  let redis: RedisServer | undefined;
  try {
    results.push(...(await benchStore(simulators, 'memory', {})));
    if (['/usr/bin/redis-server', '/usr/local/bin/redis-server'].some((path) => existsSync(path))) {
      redis = await startRedisServer();
      results.push(...(await benchStore(simulators, 'redis', { REDIS_URL: redis.url })));
    } else {
      process.stdout.write('redis-server is not installed: Redis skipped\n');
    }
  } finally {
    await redis?.stop();
    await simulators.close();
  }
  process.stdout.write(`Dashboard query: ${slugs.length} CircleCI projects x 3 latest pipelines x workflows; ${latencyMs} ms per upstream call\n\n`);
  const header = ['store', 'phase', 'queries', 'upstream/query', 'p50 ms', 'p95 ms', 'p99 ms', 'queries/s'];
  const rows = results.map((r) => [r.store, r.phase, String(r.queries), r.upstreamPerQuery.toFixed(2), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.perSecond.toFixed(1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ')}\n`);
}

await main();
