/**
 * Gateway overhead benchmark (not a test): one logical read, a CircleCI
 * project and its latest pipelines, done directly against the CircleCI
 * simulator over REST and through the gateway over GraphQL, with no injected
 * latency so that the gateway's own work dominates. The simulator and each
 * gateway run in their own processes (the gateway from the `dist/` build, so
 * no transform is measured); this process only sends requests. Loopback only;
 * every phase is bounded by an operation count and a time budget.
 *
 * Settings (environment): BENCH_CONCURRENCY (default "1,8,32"), BENCH_OPS
 * (per phase, default 3000), BENCH_PHASE_MS (default 5000), BENCH_LOG_LEVEL
 * (the gateway's LOG_LEVEL, default info), BENCH_GATEWAY_NODE_ARGS (extra node
 * flags for the gateway, e.g. "--cpu-prof --cpu-prof-dir=prof"), BENCH_TARGETS
 * (comma list of direct, gateway, gateway-cached, hive; default all but hive
 * unless bench/hive is installed), BENCH_GATEWAY_MAIN (the gateway's entry
 * point, default dist/src/main.js: point it at another build to compare
 * two versions), BENCH_PROFILE_DIR (write a CPU profile of
 * each measured phase of each gateway there; summarise with bench/profileSummary.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { ask, freePort, probe, startProcess, type Probe, type RunningProcess } from './processes.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const concurrencies = (process.env['BENCH_CONCURRENCY'] ?? '1,8,32').split(',').map(Number);
const phaseOps = Number(process.env['BENCH_OPS'] ?? 3000);
const phaseBudgetMs = Number(process.env['BENCH_PHASE_MS'] ?? 5000);
const warmupOps = 300;
const logLevel = process.env['BENCH_LOG_LEVEL'] ?? 'info';
const gatewayNodeArgs = (process.env['BENCH_GATEWAY_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');
const hiveInstalled = existsSync(`${root}bench/hive/node_modules/@graphql-hive/gateway`);
const gatewayMain = resolve(process.env['BENCH_GATEWAY_MAIN'] ?? `${root}dist/src/main.js`);
const profileDir = process.env['BENCH_PROFILE_DIR'];
const targets = (process.env['BENCH_TARGETS'] ?? `direct,gateway,gateway-cached${hiveInstalled ? ',hive' : ''}`).split(',');
const token = 'demo-circleci-token';
const slug = 'gh/acme/api';

const gatewayQuery = JSON.stringify({
  query: `query ProjectPipelines($slug: String!) {
  circleciProject(slug: $slug) {
    slug name organizationName
    pipelines(first: 10) { edges { node { id number state createdAt updatedAt } } }
  }
}`,
  variables: { slug },
});

/** One way of doing the logical read; throws when the answer is not the expected one. */
type Operation = (agent: Agent) => Promise<void>;

interface PhaseResult {
  readonly target: string;
  readonly concurrency: number;
  readonly ops: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly perSecond: number;
  readonly upstreamPerOp: number;
  /** CPU microseconds per operation in the measured process (gateway, or simulator for direct). */
  readonly cpuUsPerOp: number | undefined;
  /** The kernel's share of that CPU time (sockets, loopback TCP). */
  readonly sysShare: number | undefined;
  /** This process's CPU time per operation: what the client side costs (for direct: the REST client's whole work). */
  readonly clientCpuUsPerOp: number;
  readonly simCpuUsPerOp: number;
  readonly rssMb: number | undefined;
  readonly heapMb: number | undefined;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function getJson(agent: Agent, url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await request(url, { dispatcher: agent, headers });
  const body = await response.body.json();
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${JSON.stringify(body).slice(0, 200)}`);
  return body;
}

/** What a plain REST client does: the project, then its pipelines, one after the other (the gateway sends both at once). */
function directOperation(simulatorUrl: string): Operation {
  const project = `${simulatorUrl}/project/${slug}`;
  const pipelines = `${project}/pipeline`;
  const headers = { 'circle-token': token, accept: 'application/json' };
  return async (agent) => {
    const p = (await getJson(agent, project, headers)) as { slug?: string };
    const list = (await getJson(agent, pipelines, headers)) as { items?: unknown[] };
    if (p.slug !== slug || !Array.isArray(list.items)) throw new Error('unexpected direct answer');
  };
}

function graphqlOperation(url: string, body: string, check: (data: unknown) => boolean): Operation {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  return async (agent) => {
    const response = await request(url, { method: 'POST', dispatcher: agent, headers, body });
    const answer = (await response.body.json()) as { data?: unknown; errors?: unknown };
    if (response.statusCode !== 200 || answer.errors !== undefined || !check(answer.data)) {
      throw new Error(`${url}: ${response.statusCode} ${JSON.stringify(answer).slice(0, 300)}`);
    }
  };
}

/** How many requests the simulator logged since the last call; empties its log. */
async function takeSimRequests(origin: string): Promise<number> {
  const response = await request(`${origin}/__sim/requests`);
  const logged = (await response.body.json()) as unknown[];
  await (await request(`${origin}/__sim/requests`, { method: 'DELETE' })).body.dump();
  return logged.length;
}

async function runPhase(
  target: string,
  operation: Operation,
  concurrency: number,
  measured: RunningProcess | undefined,
  simulator: RunningProcess,
  simOrigin: string,
): Promise<PhaseResult> {
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 30_000 });
  try {
    // Warm-up: connections, JIT, caches. Bounded like the phase itself.
    const warmStarted = performance.now();
    for (let i = 0; i < warmupOps && performance.now() - warmStarted < phaseBudgetMs; i += concurrency) {
      await Promise.all(Array.from({ length: concurrency }, () => operation(agent)));
    }
    await takeSimRequests(simOrigin);
    const before: Probe | undefined = measured === undefined ? undefined : await probe(measured);
    const simBefore = await probe(simulator);
    if (profileDir !== undefined && measured !== undefined) await ask(measured, 'profile-start', 'profiling');
    const clientBefore = process.cpuUsage();
    const latencies: number[] = [];
    let started = 0;
    const begun = performance.now();
    const worker = async (): Promise<void> => {
      while (started < phaseOps && performance.now() - begun < phaseBudgetMs) {
        started++;
        const t0 = performance.now();
        await operation(agent);
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, () => worker()));
    const elapsedS = (performance.now() - begun) / 1000;
    const client = process.cpuUsage(clientBefore);
    if (profileDir !== undefined && measured !== undefined) {
      mkdirSync(profileDir, { recursive: true });
      await ask(measured, `profile-stop:${resolve(profileDir, `${target}-x${concurrency}.cpuprofile`)}`, 'profiled');
    }
    const after = measured === undefined ? undefined : await probe(measured);
    const simAfter = await probe(simulator);
    const upstream = await takeSimRequests(simOrigin);
    latencies.sort((a, b) => a - b);
    const cpuOf = (a: Probe, b: Probe): number => (b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system) / latencies.length;
    return {
      target,
      concurrency,
      ops: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      perSecond: latencies.length / elapsedS,
      upstreamPerOp: upstream / latencies.length,
      cpuUsPerOp: before === undefined || after === undefined ? undefined : cpuOf(before, after),
      sysShare:
        before === undefined || after === undefined
          ? undefined
          : (after.cpu.system - before.cpu.system) / Math.max(1, after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system),
      clientCpuUsPerOp: (client.user + client.system) / latencies.length,
      simCpuUsPerOp: cpuOf(simBefore, simAfter),
      rssMb: after === undefined ? undefined : after.memory.rss / 1_048_576,
      heapMb: after === undefined ? undefined : after.memory.heapUsed / 1_048_576,
    };
  } finally {
    await agent.close();
  }
}

async function startGateway(simulatorUrl: string, cache: boolean): Promise<{ process: RunningProcess; url: string }> {
  const port = await freePort();
  const gateway = await startProcess({
    name: cache ? 'gateway-cached' : 'gateway',
    args: [...gatewayNodeArgs, `--import=${root}bench/gatewayProbe.mjs`, gatewayMain],
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      CIRCLECI_URL: simulatorUrl,
      CIRCLECI_TOKEN: token,
      CACHE_ENABLED: String(cache),
      EXPLORER: 'false',
      LOG_LEVEL: logLevel,
      // As the Dockerfile runs it (graphql-js skips its development-only checks).
      NODE_ENV: 'production',
    },
    readyUrl: `http://127.0.0.1:${port}/healthz`,
  });
  return { process: gateway, url: `http://127.0.0.1:${port}/graphql` };
}

const hasPipelines = (data: unknown): boolean =>
  ((data as { circleciProject?: { pipelines?: { edges?: unknown[] } } }).circleciProject?.pipelines?.edges?.length ?? 0) > 0;

async function main(): Promise<void> {
  if (!existsSync(gatewayMain)) throw new Error('No build: run `npm run build` first (npm run bench:overhead does)');
  const simulator = await startProcess({ name: 'simulator', args: ['--import=tsx', `--import=${root}bench/gatewayProbe.mjs`, `${root}bench/circleciSimulator.ts`], env: {}, readyLine: true });
  const { url: simulatorUrl, specUrl } = JSON.parse(simulator.firstLine) as { url: string; specUrl: string };
  const simOrigin = new URL(simulatorUrl).origin;
  const results: PhaseResult[] = [];
  try {
    for (const target of targets) {
      let child: RunningProcess | undefined;
      let operation: Operation;
      if (target === 'direct') {
        operation = directOperation(simulatorUrl);
      } else if (target === 'gateway' || target === 'gateway-cached') {
        const gateway = await startGateway(simulatorUrl, target === 'gateway-cached');
        child = gateway.process;
        operation = graphqlOperation(gateway.url, gatewayQuery, hasPipelines);
      } else if (target === 'hive') {
        // Loaded only when asked for: it needs bench/hive installed.
        const { startHive } = await import('./hive/startHive.js');
        const hive = await startHive({ simulatorUrl, specUrl, token, slug, nodeArgs: gatewayNodeArgs });
        child = hive.process;
        operation = graphqlOperation(hive.url, hive.body, hive.check);
      } else {
        throw new Error(`unknown target ${target}`);
      }
      try {
        for (const concurrency of concurrencies) {
          results.push(await runPhase(target, operation, concurrency, child, simulator, simOrigin));
          const last = results.at(-1) as PhaseResult;
          process.stderr.write(`${target} x${concurrency}: p50 ${last.p50.toFixed(3)} ms, ${last.perSecond.toFixed(0)} ops/s\n`);
        }
      } finally {
        await child?.stop();
      }
    }
  } finally {
    await simulator.stop();
  }
  print(results);
}

function print(results: readonly PhaseResult[]): void {
  const direct = new Map(results.filter((r) => r.target === 'direct').map((r) => [r.concurrency, r]));
  process.stdout.write(
    `\nOne read: CircleCI project ${slug} + its pipelines (REST: 2 GETs; GraphQL: 1 query). No injected latency. ` +
      `Phases of ${phaseOps} ops or ${phaseBudgetMs} ms; gateway ${gatewayMain}, LOG_LEVEL=${logLevel}, NODE_ENV=production.\n` +
      'overhead = p50 - direct p50 at the same concurrency; cpu = CPU time of the gateway process per op (sys % = kernel share), ' +
      'client cpu = this process (for direct: the whole REST client), sim cpu = the simulator.\n\n',
  );
  const header = ['target', 'conc', 'ops', 'p50 ms', 'p95 ms', 'p99 ms', 'ops/s', 'overhead p50 ms', 'upstream/op', 'cpu us/op', 'sys %', 'client cpu us/op', 'sim cpu us/op', 'rss MB', 'heap MB'];
  const fixed = (value: number | undefined, digits: number): string => (value === undefined ? '-' : value.toFixed(digits));
  const rows = results.map((r) => {
    const base = direct.get(r.concurrency);
    return [
      r.target,
      String(r.concurrency),
      String(r.ops),
      fixed(r.p50, 3),
      fixed(r.p95, 3),
      fixed(r.p99, 3),
      fixed(r.perSecond, 0),
      r.target === 'direct' || base === undefined ? '-' : fixed(r.p50 - base.p50, 3),
      fixed(r.upstreamPerOp, 2),
      fixed(r.cpuUsPerOp, 0),
      r.sysShare === undefined ? '-' : fixed(100 * r.sysShare, 0),
      fixed(r.clientCpuUsPerOp, 0),
      fixed(r.simCpuUsPerOp, 0),
      fixed(r.rssMb, 0),
      fixed(r.heapMb, 0),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ')}\n`);
}

await main();
