/**
 * Summarises V8 CPU profiles (from `node --cpu-prof`): self time grouped by
 * area of a GraphQL gateway (node http, Apollo, graphql-js phases, our code,
 * undici, JSON, GC), by package, and the functions with the most. Usage:
 * `tsx bench/profileSummary.ts <file.cpuprofile>... [--top N]`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 40;
const files = args.filter((_arg, i) => topIndex < 0 || (i !== topIndex && i !== topIndex + 1));

function packageOf(url: string): string {
  if (url === '') return '(native)';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match !== null) return match[1] as string;
  if (url.startsWith('node:')) return 'node:internal';
  const own = /\/(dist\/)?src\/(.+?)\/[^/]+$/.exec(url);
  return own === null ? url : `switchyard/${own[2] as string}`;
}

/** Where a frame's self time goes, in the terms the performance work uses; a native frame by what called it. */
function areaOf(functionName: string, url: string, callerUrl: string | undefined): string {
  if (url === '') {
    if (callerUrl === 'node:internal/stream_base_commons') return 'socket writes (syscalls)';
    if (callerUrl === 'node:fs') return 'fs writes (logs to stdout)';
    if (callerUrl === 'node:inspector') return 'profiler (not the server)';
    if (callerUrl === 'node:internal/url') return 'node URL parsing';
    if (callerUrl?.startsWith('node:internal/process/task_queues') === true) return 'node promises/async hooks';
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(program)') return 'V8 (program: compiler, ICs, runtime)';
    // JSON.parse and JSON.stringify are V8 builtins: their time counts as their callers' (decodeBody, prettyJSONStringify).
    return 'native other';
  }
  if (/^node:(_http|http|https)/.test(url) || url.startsWith('node:internal/http')) return 'node http';
  if (/^node:(net|stream|internal\/stream|internal\/streams)/.test(url)) return 'node net/streams';
  if (url === 'node:internal/abort_controller') return 'node AbortSignal (timeouts)';
  if (url === 'node:events' || url.startsWith('node:internal/event_target')) return 'node events';
  if (url.startsWith('node:internal/process/task_queues') || url.startsWith('node:internal/async_hooks')) return 'node promises/async hooks';
  if (url.startsWith('node:')) return 'node other';
  if (url.startsWith('wasm://')) return 'undici';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (pkg !== null) {
    const [, name, rest] = pkg as unknown as [string, string, string];
    if (name === 'graphql') {
      const phase = /^(validation|execution|language|type|utilities)\//.exec(rest)?.[1];
      return `graphql-js ${phase === 'validation' ? 'validate' : phase === 'execution' ? 'execute' : phase === 'language' ? 'parse/print' : 'other'}`;
    }
    if (name.startsWith('@apollo/')) return 'Apollo request pipeline';
    if (name === 'undici') return 'undici';
    if (name === 'dataloader') return 'dataloader';
    if (name === 'pino' || name === 'prom-client' || name === 'sonic-boom' || name === 'thread-stream') return 'logs/metrics';
    return `package ${name}`;
  }
  const own = /\/(?:dist\/)?src\/([^/]+)\//.exec(url)?.[1];
  if (own === 'resolvers' || own === 'upstreams' || own === 'relay' || own === 'cache' || own === 'server') return `our ${own}`;
  return own === undefined ? url : 'our other';
}

const byArea = new Map<string, number>();
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
let idle = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const callers = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) callers.set(child, node);
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    if (node === undefined) return;
    const { functionName, url, lineNumber } = node.callFrame;
    // Waiting is not work: shares are of the time the process was busy.
    if (functionName === '(idle)') {
      idle += delta;
      return;
    }
    const name = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(dist\/)?src\//, 'src/')}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
    const area = areaOf(functionName, url, callers.get(id)?.callFrame.url);
    byArea.set(area, (byArea.get(area) ?? 0) + delta);
    const pkg = packageOf(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + delta);
    total += delta;
  });
}

const show = (title: string, entries: Map<string, number>, count: number): void => {
  process.stdout.write(`\n${title} (of ${(total / 1000).toFixed(0)} ms busy; ${(idle / 1000).toFixed(0)} ms idle not counted)\n`);
  for (const [name, us] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    process.stdout.write(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}\n`);
  }
};
show('Self time by area', byArea, 40);
show('Self time by package', byPackage, 25);
show('Self time by function', byFunction, top);
