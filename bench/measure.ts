/**
 * What the benchmarks share to measure a read: the requests (checked on every
 * answer), one bounded load phase at a fixed concurrency with the CPU time and
 * memory of the processes involved, and a plain-text table.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Agent, request } from 'undici';
import { ask, probe, type Probe, type RunningProcess } from './processes.js';

/** One way of doing a logical read; throws when the answer is not the expected one. */
export type Operation = (agent: Agent) => Promise<void>;

/** The figures of one measured phase. */
export interface PhaseResult {
  readonly target: string;
  readonly concurrency: number;
  readonly ops: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly perSecond: number;
  readonly upstreamPerOp: number;
  /** CPU microseconds per operation in the measured process (gateway, or none for direct). */
  readonly cpuUsPerOp: number | undefined;
  /** The kernel's share of that CPU time (sockets, loopback TCP). */
  readonly sysShare: number | undefined;
  /** This process's CPU time per operation: what the client side costs (for direct: the REST client's whole work). */
  readonly clientCpuUsPerOp: number;
  readonly simCpuUsPerOp: number;
  readonly rssMb: number | undefined;
  readonly heapMb: number | undefined;
}

/** How one phase runs: what it calls, how hard, for how long, and which processes it reads. */
export interface PhaseOptions {
  readonly target: string;
  readonly operation: Operation;
  readonly concurrency: number;
  /** Operations measured at most. */
  readonly ops: number;
  /** Time the measured part may take at most. */
  readonly budgetMs: number;
  /** Operations run before measuring (connections, JIT, caches), within the same budget. */
  readonly warmupOps: number;
  /** The server measured, when there is one. */
  readonly measured: RunningProcess | undefined;
  readonly simulator: RunningProcess;
  /** Origins of the simulators whose request logs count upstream calls. */
  readonly simOrigins: readonly string[];
  /** Write a CPU profile of the measured part here (node servers only). */
  readonly profileFile?: string | undefined;
}

/** The value at percentile `p` of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** GETs JSON; throws unless the answer is 200. */
export async function getJson(agent: Agent, url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await request(url, { dispatcher: agent, headers });
  const body = await response.body.json();
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${JSON.stringify(body).slice(0, 200)}`);
  return body;
}

/** POSTs a GraphQL request; throws on a non-200 answer, any error, or data that `check` refuses. */
export async function postGraphql(agent: Agent, url: string, body: string, check: (data: unknown) => boolean): Promise<unknown> {
  const response = await request(url, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
  const answer = (await response.body.json()) as { data?: unknown; errors?: unknown };
  if (response.statusCode !== 200 || answer.errors !== undefined || !check(answer.data)) {
    throw new Error(`${url}: ${response.statusCode} ${JSON.stringify(answer).slice(0, 300)}`);
  }
  return answer.data;
}

/** The same GraphQL request, checked, as an operation. */
export function graphqlOperation(url: string, body: string, check: (data: unknown) => boolean): Operation {
  return async (agent) => {
    await postGraphql(agent, url, body, check);
  };
}

/** How many requests the simulators logged since the last call; empties their logs. */
export async function takeSimRequests(origins: readonly string[]): Promise<number> {
  let count = 0;
  for (const origin of origins) {
    const response = await request(`${origin}/__sim/requests`);
    count += ((await response.body.json()) as unknown[]).length;
    await (await request(`${origin}/__sim/requests`, { method: 'DELETE' })).body.dump();
  }
  return count;
}

/** Runs one warmed-up, bounded phase of `operation` at a fixed concurrency and returns its figures. */
export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const { operation, concurrency, measured, simulator } = options;
  // No connection limit: an operation that sends calls side by side (a REST client's dashboard) gets a connection for each, as a browser's would.
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  try {
    const warmStarted = performance.now();
    for (let i = 0; i < options.warmupOps && performance.now() - warmStarted < options.budgetMs; i += concurrency) {
      await Promise.all(Array.from({ length: concurrency }, () => operation(agent)));
    }
    await takeSimRequests(options.simOrigins);
    const before: Probe | undefined = measured === undefined ? undefined : await probe(measured);
    const simBefore = await probe(simulator);
    if (options.profileFile !== undefined && measured !== undefined) await ask(measured, 'profile-start', 'profiling');
    const clientBefore = process.cpuUsage();
    const latencies: number[] = [];
    let started = 0;
    const begun = performance.now();
    const worker = async (): Promise<void> => {
      while (started < options.ops && performance.now() - begun < options.budgetMs) {
        started++;
        const t0 = performance.now();
        await operation(agent);
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, () => worker()));
    const elapsedS = (performance.now() - begun) / 1000;
    const client = process.cpuUsage(clientBefore);
    if (options.profileFile !== undefined && measured !== undefined) {
      mkdirSync(resolve(options.profileFile, '..'), { recursive: true });
      await ask(measured, `profile-stop:${resolve(options.profileFile)}`, 'profiled');
    }
    const after = measured === undefined ? undefined : await probe(measured);
    const simAfter = await probe(simulator);
    const upstream = await takeSimRequests(options.simOrigins);
    latencies.sort((a, b) => a - b);
    const cpuOf = (a: Probe, b: Probe): number => (b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system) / latencies.length;
    return {
      target: options.target,
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
      rssMb: after === undefined ? undefined : after.rss / 1_048_576,
      heapMb: after?.heapUsed === undefined ? undefined : after.heapUsed / 1_048_576,
    };
  } finally {
    await agent.close();
  }
}

/** A number with fixed digits, or `-` when there is none. */
export function fixed(value: number | undefined, digits: number): string {
  return value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);
}

/** Writes rows under a header as aligned plain-text columns. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ').trimEnd()}\n`);
}
