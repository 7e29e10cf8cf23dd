/**
 * The peers benchmark's tables: each read, target and concurrency over all
 * rounds (medians, and the range of requests/s), with the ratios against Hive
 * Gateway, Tailcall and direct REST; the latency check; the goals; each
 * server's start-up and memory.
 */
import { fixed, printTable, type PhaseResult } from '../measure.js';

/** One measured phase, with the read and round it belongs to. */
export interface PeerResult extends PhaseResult {
  readonly read: string;
  readonly round: number;
}

/** A row of the summary: the phases of one read, target and concurrency. */
interface Summary {
  readonly read: string;
  readonly target: string;
  readonly concurrency: number;
  readonly rounds: number;
  readonly perSecond: number;
  readonly minPerSecond: number;
  readonly maxPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly cpuUsPerOp: number | undefined;
  readonly sysShare: number | undefined;
  readonly clientCpuUsPerOp: number;
  readonly simCpuUsPerOp: number;
  readonly upstreamPerOp: number;
  readonly rssMb: number | undefined;
  readonly heapMb: number | undefined;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Medians per read, target and concurrency, in the order the phases first ran. */
export function summarize(results: readonly PeerResult[]): Summary[] {
  const groups = new Map<string, PeerResult[]>();
  for (const result of results) {
    const key = `${result.read}\u0000${result.target}\u0000${result.concurrency}`;
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  return [...groups.values()].map((phases) => {
    const firstPhase = phases[0] as PeerResult;
    const lastPhase = phases.at(-1) as PeerResult;
    const cpu = phases.map((p) => p.cpuUsPerOp).filter((v): v is number => v !== undefined);
    const sys = phases.map((p) => p.sysShare).filter((v): v is number => v !== undefined);
    return {
      read: firstPhase.read,
      target: firstPhase.target,
      concurrency: firstPhase.concurrency,
      rounds: phases.length,
      perSecond: median(phases.map((p) => p.perSecond)),
      minPerSecond: Math.min(...phases.map((p) => p.perSecond)),
      maxPerSecond: Math.max(...phases.map((p) => p.perSecond)),
      p50: median(phases.map((p) => p.p50)),
      p99: median(phases.map((p) => p.p99)),
      cpuUsPerOp: cpu.length === 0 ? undefined : median(cpu),
      sysShare: sys.length === 0 ? undefined : median(sys),
      clientCpuUsPerOp: median(phases.map((p) => p.clientCpuUsPerOp)),
      simCpuUsPerOp: median(phases.map((p) => p.simCpuUsPerOp)),
      upstreamPerOp: phases.reduce((sum, p) => sum + p.upstreamPerOp * p.ops, 0) / Math.max(1, phases.reduce((sum, p) => sum + p.ops, 0)),
      rssMb: lastPhase.rssMb,
      heapMb: lastPhase.heapMb,
    };
  });
}

/** Prints the summary table; a ratio is this target's requests/s over the other's at the same read and concurrency. */
export function printSummary(rows: readonly Summary[]): void {
  const find = (row: Summary, target: string): Summary | undefined =>
    rows.find((other) => other.read === row.read && other.concurrency === row.concurrency && other.target === target);
  const ratio = (row: Summary, target: string): string => {
    const other = find(row, target);
    return other === undefined || other === row ? '-' : `${fixed(row.perSecond / other.perSecond, 2)}x`;
  };
  const header = ['read', 'target', 'conc', 'req/s', 'req/s range', 'p50 ms', 'p99 ms', 'vs hive', 'vs tailcall', 'vs direct', 'server cpu us/op', 'sys %', 'client cpu us/op', 'sim cpu us/op', 'upstream/op', 'rss MB', 'heap MB'];
  printTable(
    header,
    rows.map((row) => [
      row.read,
      row.target,
      String(row.concurrency),
      fixed(row.perSecond, 0),
      row.rounds > 1 ? `${fixed(row.minPerSecond, 0)}-${fixed(row.maxPerSecond, 0)}` : '-',
      fixed(row.p50, 2),
      fixed(row.p99, 2),
      ratio(row, 'hive'),
      ratio(row, 'tailcall'),
      ratio(row, 'direct'),
      fixed(row.cpuUsPerOp, 0),
      row.sysShare === undefined ? '-' : fixed(100 * row.sysShare, 0),
      fixed(row.clientCpuUsPerOp, 0),
      fixed(row.simCpuUsPerOp, 0),
      fixed(row.upstreamPerOp, 2),
      fixed(row.rssMb, 0),
      fixed(row.heapMb, 0),
    ]),
  );
}

/** The goals of the performance work on the pipeline read, each with the figure measured. */
export function printGoals(rows: readonly Summary[], read: string): void {
  const row = (target: string, concurrency: number): Summary | undefined =>
    rows.find((r) => r.read === read && r.target === target && r.concurrency === concurrency);
  const cold = row('switchyard', 10);
  const warm = row('switchyard-warm', 10);
  const warm1 = row('switchyard-warm', 1);
  const tailcall = row('tailcall', 10);
  const hive = row('hive', 10);
  const goal = (name: string, measured: number | undefined, bound: number | undefined, atLeast: boolean): string => {
    const verdict = measured === undefined || bound === undefined ? 'not measured' : (atLeast ? measured >= bound : measured < bound) ? 'met' : 'not met';
    return `  ${name.padEnd(36)} ${fixed(measured, 1).padStart(8)} ${atLeast ? '>=' : '< '} ${fixed(bound, 1).padStart(8)}  ${verdict}\n`;
  };
  process.stdout.write(
    `\nGoals on the ${read} read (measured, bound):\n` +
      goal('cache off req/s >= Tailcall (c10)', cold?.perSecond, tailcall?.perSecond, true) +
      goal('cache off req/s >= 10x Hive (c10)', cold?.perSecond, hive === undefined ? undefined : 10 * hive.perSecond, true) +
      goal('warm req/s >= 3x Tailcall (c10)', warm?.perSecond, tailcall === undefined ? undefined : 3 * tailcall.perSecond, true) +
      goal('warm p50 ms < 1 (c1)', warm1?.p50, 1, false),
  );
  // What bounds the goals on this machine: the REST client alone, and a Node server that does nothing but the calls.
  const direct = row('direct', 10);
  const floor = row('node-floor', 10);
  if (direct !== undefined && hive !== undefined) {
    process.stdout.write(`  context: direct REST itself (client and simulator only) does ${fixed(direct.perSecond, 0)} req/s, ${fixed(direct.perSecond / hive.perSecond, 1)}x Hive\n`);
  }
  if (floor !== undefined && cold !== undefined) {
    const against = tailcall === undefined ? '' : `, ${fixed(floor.perSecond / tailcall.perSecond, 2)}x Tailcall`;
    process.stdout.write(
      `  context: node-floor (node:http + undici, no GraphQL) does ${fixed(floor.perSecond, 0)} req/s${against} at ${fixed(floor.cpuUsPerOp, 0)} us/op; ` +
        `Switchyard cache off spends ${fixed((cold.cpuUsPerOp ?? 0) - (floor.cpuUsPerOp ?? 0), 0)} us/op more\n`,
    );
  }
}

/** What tracing costs: the traced gateways (every trace, one in ten) against the same gateway with tracing off (all cache off), per read and concurrency. */
export function printTracingCost(rows: readonly Summary[]): void {
  const traced = rows.filter((r) => r.target === 'switchyard-traced' || r.target === 'switchyard-sampled');
  if (traced.length === 0) return;
  process.stdout.write('\nTracing on against off (cache off both; req/s, p50, server cpu per op):\n');
  for (const on of traced) {
    const off = rows.find((r) => r.read === on.read && r.target === 'switchyard' && r.concurrency === on.concurrency);
    if (off === undefined) continue;
    process.stdout.write(
      `  ${on.target.padEnd(19)} ${on.read.padEnd(10)} c${String(on.concurrency).padEnd(3)} ${fixed(on.perSecond, 0).padStart(7)} vs ${fixed(off.perSecond, 0).padStart(7)} req/s (${fixed((100 * on.perSecond) / off.perSecond, 0)}%)  ` +
        `p50 ${fixed(on.p50, 2)} vs ${fixed(off.p50, 2)} ms  cpu ${fixed(on.cpuUsPerOp, 0)} vs ${fixed(off.cpuUsPerOp, 0)} us\n`,
    );
  }
}

/** A started server's start-up time and resident memory. */
export interface MemoryRow {
  readonly target: string;
  /** From spawning it to its first healthy answer. */
  readonly startMs: number | undefined;
  /** Before any read was asked of it. */
  readonly idleMb: number | undefined;
  /** After every round of every read. */
  readonly afterLoadMb: number | undefined;
}

/** Each server's start-up and RSS, idle and after the load, and the memory goal on the production start (`production`). */
export function printMemory(rows: readonly MemoryRow[], production: string): void {
  if (rows.length === 0) return;
  process.stdout.write('\nStart-up and resident memory (RSS), idle (started, nothing asked yet) and after every round:\n');
  printTable(
    ['target', 'start s', 'idle RSS MB', 'after load RSS MB'],
    rows.map((row) => [row.target, fixed(row.startMs === undefined ? undefined : row.startMs / 1000, 2), fixed(row.idleMb, 0), fixed(row.afterLoadMb, 0)]),
  );
  const measured = rows.find((row) => row.target === production);
  const afterLoad = measured?.afterLoadMb;
  const verdict = afterLoad === undefined ? 'not measured' : afterLoad < 120 ? 'met' : 'not met';
  process.stdout.write(`  goal: ${production} (node dist/src/main.js as the image runs it) RSS after load < 120 MB: ${fixed(afterLoad, 0)} MB, ${verdict}\n`);
}
