/**
 * Peers benchmark (not a test): the same reads done by a plain REST client
 * (undici, keep-alive) and through Switchyard (cache off, and warm), Hive
 * Gateway (when bench/hive is installed) and Tailcall (when bench/tailcall is
 * installed), all started at once against one process of simulators with no
 * injected latency, then measured in interleaved rounds (each round starts
 * with the next target). Every target's answer is checked against the REST
 * answer before it is measured, and on every operation. Then the dashboard
 * read with injected upstream latency, against depth × latency. Loopback
 * only; every phase is bounded by an operation count and a time budget.
 *
 * Settings (environment): BENCH_ROUNDS (default 3), BENCH_CONCURRENCY
 * (default "1,10"), BENCH_OPS (per phase, default 20000), BENCH_PHASE_MS
 * (default 3000), BENCH_WARMUP_OPS (per phase, default 200), BENCH_TARGETS
 * (comma list of direct, switchyard, switchyard-production, switchyard-traced, switchyard-warm,
 * switchyard-warm-upstream, node-floor, hive, tailcall; default all that are installed;
 * switchyard-production is the gateway started exactly as the image starts it,
 * `node dist/src/main.js` with NODE_ENV=production and no loader, probe or
 * flag, its CPU and memory read from /proc, with its cache off so that its load
 * is the cold one;
 * node-floor is bench/floor/nodeFloor.mjs, a plain node:http server making
 * each read's calls with undici (the dashboard's 34 too): what any Node gateway pays at least;
 * switchyard-traced is the cache-off gateway with tracing on, exporting every
 * span over OTLP/HTTP to a local sink that discards them, switchyard-sampled
 * the same sampling one trace in ten (OTEL_TRACES_SAMPLER=parentbased_traceidratio); switchyard-warm
 * answers repeated operations whole from its cache, switchyard-warm-upstream
 * executes each from cached upstream answers, RESPONSE_CACHE_ENABLED=false), BENCH_READS (pipeline, dashboard; default both),
 * BENCH_LATENCY_MS (default 50; 0 skips the check), BENCH_LATENCY_OPS (default
 * 20), BENCH_LOG_LEVEL (the gateway's LOG_LEVEL, default info),
 * BENCH_GATEWAY_MAIN (default dist/src/main.js), BENCH_BASELINE_MAIN (another
 * build's entry point, e.g. of an earlier commit: adds the targets baseline and
 * baseline-warm, measured interleaved with the rest; BENCH_BASELINE_NODE_ARGS,
 * its node flags, default BENCH_GATEWAY_NODE_ARGS), BENCH_GATEWAY_NODE_ARGS
 * (extra node flags for the node servers), BENCH_PROFILE_DIR (a CPU profile of
 * each measured phase of each node server; summarise with bench/profileSummary.ts).
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { startHive } from './hive/startHive.js';
import { fixed, postGraphql, runPhase, type Operation } from './measure.js';
import { dashboardRead } from './peers/dashboardRead.js';
import { pipelineRead } from './peers/pipelineRead.js';
import type { Read, Server, Upstreams } from './peers/Read.js';
import { printGoals, printMemory, printSummary, printTracingCost, summarize, type MemoryRow, type PeerResult } from './peers/report.js';
import { startOtlpSink, type OtlpSink } from './otlpSink.js';
import { freePort, probe, startProcess, type RunningProcess } from './processes.js';
import { startSwitchyard } from './startSwitchyard.js';
import { startTailcall, tailcallBinary } from './tailcall/startTailcall.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const concurrencies = (process.env['BENCH_CONCURRENCY'] ?? '1,10').split(',').map(Number);
const phaseOps = Number(process.env['BENCH_OPS'] ?? 20_000);
const phaseBudgetMs = Number(process.env['BENCH_PHASE_MS'] ?? 3000);
const warmupOps = Number(process.env['BENCH_WARMUP_OPS'] ?? 200);
const latencyMs = Number(process.env['BENCH_LATENCY_MS'] ?? 50);
const latencyOps = Number(process.env['BENCH_LATENCY_OPS'] ?? 20);
const logLevel = process.env['BENCH_LOG_LEVEL'] ?? 'info';
const nodeArgs = (process.env['BENCH_GATEWAY_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');
const gatewayMain = resolve(process.env['BENCH_GATEWAY_MAIN'] ?? `${root}dist/src/main.js`);
const baselineMain = process.env['BENCH_BASELINE_MAIN'];
const baselineNodeArgs = (process.env['BENCH_BASELINE_NODE_ARGS'] ?? process.env['BENCH_GATEWAY_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');
const profileDir = process.env['BENCH_PROFILE_DIR'];
const hiveInstalled = existsSync(`${root}bench/hive/node_modules/@graphql-hive/gateway`);
const tailcallInstalled = existsSync(tailcallBinary);
const targets = (
  process.env['BENCH_TARGETS'] ?? ['direct', 'switchyard', 'switchyard-production', 'switchyard-traced', 'switchyard-sampled', 'switchyard-warm', 'switchyard-warm-upstream', 'node-floor', ...(baselineMain === undefined ? [] : ['baseline', 'baseline-warm']), ...(hiveInstalled ? ['hive'] : []), ...(tailcallInstalled ? ['tailcall'] : [])].join(',')
).split(',');
const readNames = (process.env['BENCH_READS'] ?? 'pipeline,dashboard').split(',');

/** A started server: which form of a read it answers, where, and its process (for CPU and memory). */
interface Target {
  readonly name: string;
  readonly server: Server | undefined;
  readonly url: string | undefined;
  readonly process: RunningProcess | undefined;
}

/** The simulators' process and what it reported on start. */
interface Simulators extends Upstreams {
  readonly process: RunningProcess;
  readonly origins: readonly string[];
  readonly specUrl: string;
}

/** Where the traced gateway exports its spans; started with it. */
let sink: OtlpSink | undefined;

async function startTarget(name: string, simulators: Simulators): Promise<Target> {
  const circleciUrl = simulators.urls['circleci'] as string;
  const circleciToken = simulators.tokens['circleci'] as string;
  switch (name) {
    case 'direct':
      return { name, server: undefined, url: undefined, process: undefined };
    case 'switchyard':
    case 'switchyard-warm':
    case 'switchyard-warm-upstream': {
      const env = name === 'switchyard-warm-upstream' ? { RESPONSE_CACHE_ENABLED: 'false' } : {};
      const gateway = await startSwitchyard({ name, main: gatewayMain, urls: simulators.urls, tokens: simulators.tokens, cache: name !== 'switchyard', logLevel, nodeArgs, env });
      return { name, server: 'switchyard', url: gateway.url, process: gateway.process };
    }
    case 'switchyard-production': {
      const gateway = await startSwitchyard({ name, main: gatewayMain, urls: simulators.urls, tokens: simulators.tokens, cache: false, logLevel, nodeArgs: [], asImage: true });
      return { name, server: 'switchyard', url: gateway.url, process: gateway.process };
    }
    case 'baseline':
    case 'baseline-warm': {
      if (baselineMain === undefined) throw new Error(`${name} needs BENCH_BASELINE_MAIN`);
      const gateway = await startSwitchyard({ name, main: resolve(baselineMain), urls: simulators.urls, tokens: simulators.tokens, cache: name === 'baseline-warm', logLevel, nodeArgs: baselineNodeArgs });
      return { name, server: 'switchyard', url: gateway.url, process: gateway.process };
    }
    case 'switchyard-traced':
    case 'switchyard-sampled': {
      sink ??= await startOtlpSink();
      const sampling = name === 'switchyard-sampled' ? { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' } : {};
      const env = { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, ...sampling };
      const gateway = await startSwitchyard({ name, main: gatewayMain, urls: simulators.urls, tokens: simulators.tokens, cache: false, logLevel, nodeArgs, env });
      return { name, server: 'switchyard', url: gateway.url, process: gateway.process };
    }
    case 'hive': {
      const hive = await startHive({ simulatorUrl: circleciUrl, specUrl: simulators.specUrl, token: circleciToken, nodeArgs });
      return { name, server: 'hive', url: hive.url, process: hive.process };
    }
    case 'node-floor': {
      const port = await freePort();
      const floor = await startProcess({
        name,
        args: [`--import=${root}bench/gatewayProbe.mjs`, `${root}bench/floor/nodeFloor.mjs`],
        env: {
          PORT: String(port),
          CIRCLECI_URL: circleciUrl,
          CIRCLECI_TOKEN: circleciToken,
          GITLAB_URL: simulators.urls['gitlab'] ?? '',
          GITLAB_TOKEN: simulators.tokens['gitlab'] ?? '',
          CONCORD_URL: simulators.urls['concord'] ?? '',
          CONCORD_TOKEN: simulators.tokens['concord'] ?? '',
          FLEXSTACK_URL: simulators.urls['flexstack'] ?? '',
          FLEXSTACK_API_KEY: simulators.tokens['flexstack'] ?? '',
          NODE_ENV: 'production',
        },
        readyUrl: `http://127.0.0.1:${port}/`,
      });
      return { name, server: 'floor', url: `http://127.0.0.1:${port}/graphql`, process: floor };
    }
    case 'tailcall': {
      const tailcall = await startTailcall({ simulatorUrl: circleciUrl, token: circleciToken });
      return { name, server: 'tailcall', url: tailcall.url, process: tailcall.process };
    }
    default:
      throw new Error(`unknown target ${name} (direct, switchyard, switchyard-production, switchyard-traced, switchyard-sampled, switchyard-warm, switchyard-warm-upstream, node-floor, baseline, baseline-warm, hive, tailcall)`);
  }
}

/** The read as an operation on this target that throws unless it answers `expected`; undefined when the target cannot express it. */
function operationOf(read: Read, target: Target, expected: string): Operation | undefined {
  const check = (answer: string): void => {
    if (answer !== expected) throw new Error(`${target.name} answered the ${read.name} read differently:\n${answer}\nexpected:\n${expected}`);
  };
  if (target.server === undefined) return async (agent) => check(await read.direct(agent));
  const form = read.forms[target.server];
  const url = target.url;
  if (form === undefined || url === undefined) return undefined;
  return async (agent) => check(form.summarize(await postGraphql(agent, url, form.body, () => true)));
}

async function setFaults(simulators: Simulators, fault: { path: string; latencyMs: number } | undefined): Promise<void> {
  for (const origin of simulators.origins) {
    const answer =
      fault === undefined
        ? await request(`${origin}/__sim/faults`, { method: 'DELETE' })
        : await request(`${origin}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
    await answer.body.dump();
    if (answer.statusCode >= 300) throw new Error(`${origin}/__sim/faults answered ${answer.statusCode}`);
  }
}

/** The 1-minute load average before and after the rounds: other work on the machine skews every figure. */
const loadAverages: number[] = [];

/** Each started server's start-up time and resident memory, idle (before any read) and after the rounds. */
const memory: MemoryRow[] = [];

/** Resident memory of a started server, in MB; undefined for targets without a process of their own. */
async function rssMb(target: Target): Promise<number | undefined> {
  return target.process === undefined ? undefined : (await probe(target.process)).rss / 1_048_576;
}

const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function main(): Promise<void> {
  if (!existsSync(gatewayMain)) throw new Error('No build: run `npm run build` first (npm run bench:peers does)');
  const simulatorProcess = await startProcess({ name: 'simulators', args: ['--import=tsx', `--import=${root}bench/gatewayProbe.mjs`, `${root}bench/simulators.ts`], env: {}, readyLine: true });
  const simulators: Simulators = { process: simulatorProcess, ...(JSON.parse(simulatorProcess.firstLine) as Omit<Simulators, 'process'>) };
  const started: Target[] = [];
  const agent = new Agent({ connections: 4 });
  try {
    loadAverages.push(loadavg()[0] as number);
    const startMs = new Map<string, number>();
    for (const name of targets) {
      const begun = performance.now();
      started.push(await startTarget(name, simulators));
      startMs.set(name, performance.now() - begun);
      say(`started ${name}`);
    }
    // Idle: started, nothing asked yet (the last one started a second ago).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const idleMb = new Map<string, number | undefined>();
    for (const target of started) idleMb.set(target.name, await rssMb(target));
    const allReads: Read[] = [await pipelineRead(simulators, agent), dashboardRead(simulators)];
    const reads = allReads.filter((read) => readNames.includes(read.name));
    // Each read's REST answer is the reference; every target must give the same before it is measured.
    const plans: { read: Read; target: Target; operation: Operation }[] = [];
    for (const read of reads) {
      const expected = await read.direct(agent);
      for (const target of started) {
        const operation = operationOf(read, target, expected);
        if (operation === undefined) {
          say(`${read.name}: ${target.name} cannot express it`);
          continue;
        }
        await operation(agent);
        say(`${read.name}: ${target.name} answers as direct REST does`);
        plans.push({ read, target, operation });
      }
    }
    const results: PeerResult[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const read of reads) {
        const readPlans = plans.filter((plan) => plan.read === read);
        // Interleaved: each round starts with the next target, so no target always runs first or last.
        const shift = (round - 1) % Math.max(1, readPlans.length);
        for (const { target, operation } of [...readPlans.slice(shift), ...readPlans.slice(0, shift)]) {
          for (const concurrency of concurrencies) {
            const profileFile =
              profileDir !== undefined && target.process?.child.connected === true
                ? resolve(profileDir, `${read.name}-${target.name}-c${concurrency}-r${round}.cpuprofile`)
                : undefined;
            const result = await runPhase({
              target: target.name,
              operation,
              concurrency,
              ops: phaseOps,
              budgetMs: phaseBudgetMs,
              warmupOps,
              measured: target.process,
              simulator: simulators.process,
              simOrigins: simulators.origins,
              profileFile,
            });
            results.push({ ...result, read: read.name, round });
            say(`round ${round} ${read.name} ${target.name} c${concurrency}: ${result.perSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(2)} ms${result.cpuUsPerOp === undefined ? '' : `, ${result.cpuUsPerOp.toFixed(0)} µs CPU/op`}`);
          }
        }
      }
    }
    loadAverages.push(loadavg()[0] as number);
    for (const target of started) {
      if (target.process !== undefined) memory.push({ target: target.name, startMs: startMs.get(target.name), idleMb: idleMb.get(target.name), afterLoadMb: await rssMb(target) });
    }
    const latency = latencyMs > 0 ? await latencyCheck(simulators, plans.filter((plan) => plan.read.name === 'dashboard' && !plan.target.name.endsWith('-warm') && plan.target.name !== 'switchyard-warm-upstream')) : [];
    print(reads, results, latency);
  } finally {
    await agent.close();
    for (const target of started) await target.process?.stop();
    await simulators.process.stop();
    await sink?.close();
  }
}

/** The dashboard read at concurrency 1 with `latencyMs` on every upstream call: its p50 against depth × latency. */
async function latencyCheck(simulators: Simulators, plans: readonly { read: Read; target: Target; operation: Operation }[]): Promise<PeerResult[]> {
  const out: PeerResult[] = [];
  await setFaults(simulators, { path: '.*', latencyMs });
  try {
    for (const { read, target, operation } of plans) {
      const result = await runPhase({
        target: target.name,
        operation,
        concurrency: 1,
        ops: latencyOps,
        budgetMs: Math.max(phaseBudgetMs, latencyOps * read.depth * latencyMs * 3),
        warmupOps: 2,
        measured: target.process,
        simulator: simulators.process,
        simOrigins: simulators.origins,
      });
      out.push({ ...result, read: read.name, round: 1 });
      say(`latency ${read.name} ${target.name}: p50 ${result.p50.toFixed(1)} ms`);
    }
  } finally {
    await setFaults(simulators, undefined);
  }
  return out;
}

function print(reads: readonly Read[], results: readonly PeerResult[], latency: readonly PeerResult[]): void {
  process.stdout.write(
    `\nPeers: ${rounds} interleaved round(s), phases of ${phaseOps} ops or ${phaseBudgetMs} ms after ${warmupOps} warm-up ops; no injected latency. ` +
      `Gateway ${gatewayMain}, LOG_LEVEL=${logLevel}, NODE_ENV=production. All servers and the simulators share this machine's cores ` +
      `(load average before/after the rounds: ${loadAverages.map((load) => load.toFixed(1)).join('/')}).\n` +
      'req/s, p50, p99, cpu: medians over rounds; vs X = req/s over X\'s at the same read and concurrency; server cpu = the server process ' +
      '(Tailcall: all its threads, 10 ms ticks), sys % = its kernel share; client cpu = this process (for direct: the whole REST client); ' +
        'rss, heap = after the last phase.\n',
  );
  for (const read of reads) {
    process.stdout.write(`  ${read.name}: ${read.title}\n`);
    if (read.unsupported !== undefined) process.stdout.write(`    only direct REST and Switchyard: ${read.unsupported}\n`);
  }
  process.stdout.write('\n');
  if (sink !== undefined) {
    const { requests, bytes } = sink.received();
    process.stdout.write(`  switchyard-traced: Switchyard with its cache off and tracing on, ${requests} OTLP exports (${(bytes / 1_048_576).toFixed(1)} MiB) sent to a local sink that discards them.\n`);
  }
  const rows = summarize(results);
  printSummary(rows);
  printGoals(rows, 'pipeline');
  printMemory(memory, 'switchyard-production');
  printTracingCost(rows);
  if (latency.length > 0) {
    process.stdout.write(`\nDepth x latency: the dashboard read at concurrency 1 with ${latencyMs} ms on every upstream call (${latencyOps} ops).\n`);
    for (const result of latency) {
      const read = reads.find((r) => r.name === result.read) as Read;
      process.stdout.write(
        `  ${result.target.padEnd(12)} p50 ${fixed(result.p50, 1).padStart(6)} ms  p99 ${fixed(result.p99, 1).padStart(6)} ms  ` +
          `depth ${read.depth} x ${latencyMs} ms = ${read.depth * latencyMs} ms  (${fixed(result.upstreamPerOp, 0)} upstream calls, ` +
          `breadth x latency would be ${fixed(result.upstreamPerOp * latencyMs, 0)} ms)\n`,
      );
    }
  }
}

await main();
