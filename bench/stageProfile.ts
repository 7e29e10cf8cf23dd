/**
 * Splits V8 CPU profiles (from `BENCH_PROFILE_DIR`) into the stages of a
 * GraphQL operation: request handling, validation and limits, execution
 * (resolvers, loaders, connections), the upstream layer, mapping and shape
 * checks, serialisation, logs and metrics, and what is Node's own (the HTTP
 * server, undici, promises and streams, GC). Each sample goes to the stage of
 * the innermost frame on its stack that belongs to one (natives such as
 * `JSON.parse` or a socket write count for their caller's stage: a write
 * undici makes is undici's, the answer's write the HTTP server's). With
 * `--cpu US` (the CPU microseconds per operation measured without the
 * profiler) and `--calls N` (upstream calls per operation), it prints each
 * stage's µs per operation and the upstream stages' µs per call. Usage:
 * `tsx bench/stageProfile.ts <file.cpuprofile>... [--cpu US] [--calls N]`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The stages, in the order an operation meets them. */
export const stages = [
  'request handling (HTTP body, context, Apollo pipeline)',
  'validation and limits',
  'execution (graphql-js, resolvers, loaders, connections)',
  'upstream layer (session, path, breaker, body read, JSON.parse)',
  'mapping and shape checks',
  'serialisation (answer JSON)',
  'logs and metrics',
  'Node: HTTP server (incl. its socket writes)',
  'Node: undici (incl. its socket writes)',
  'Node: promises, streams, timers (unowned)',
  'GC',
  'V8 compiler and runtime',
] as const;

export type Stage = (typeof stages)[number];

/** Stages counted per upstream call in the per-call line. */
const perCallStages: readonly Stage[] = ['upstream layer (session, path, breaker, body read, JSON.parse)', 'Node: undici (incl. its socket writes)'];

const ownFile = /\/(?:dist\/)?src\/(.+)\.[jt]s$/;

/** The stage a frame belongs to, or undefined when it is only a helper of whoever called it. */
export function stageOf(functionName: string, url: string): Stage | undefined {
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return 'V8 compiler and runtime';
  if (url === '' || url.startsWith('node:internal/') || url === 'node:events' || url === 'node:net' || url === 'node:buffer' || url === 'node:stream') {
    return undefined;
  }
  if (/^node:(_http_|http$)/.test(url)) return 'Node: HTTP server (incl. its socket writes)';
  if (url.startsWith('node:')) return undefined;
  if (url.startsWith('wasm://')) return 'Node: undici (incl. its socket writes)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (pkg !== null) {
    const name = pkg[1] as string;
    const rest = pkg[2] as string;
    if (name === 'undici') return 'Node: undici (incl. its socket writes)';
    if (name === 'graphql') {
      if (/^(validation|language)\//.test(rest)) return 'validation and limits';
      if (/^(error|jsutils)\//.test(rest)) return undefined;
      return 'execution (graphql-js, resolvers, loaders, connections)';
    }
    if (name.startsWith('@escape.tech/')) return 'validation and limits';
    if (name === 'dataloader' || name === 'graphql-jit' || name === 'fast-json-stringify') return 'execution (graphql-js, resolvers, loaders, connections)';
    if (name === '@apollo/server' && functionName === 'prettyJSONStringify') return 'serialisation (answer JSON)';
    if (name.startsWith('@apollo/') || name === 'negotiator') return 'request handling (HTTP body, context, Apollo pipeline)';
    if (name === 'pino' || name === 'prom-client' || name === 'sonic-boom' || name === 'thread-stream' || name === 'fast-redact' || name === 'quick-format-unescaped') return 'logs and metrics';
    return undefined;
  }
  const own = ownFile.exec(url)?.[1];
  if (own === undefined) return undefined;
  if (/^errors\//.test(own) && functionName !== 'formatError') return undefined;
  if (/^limits\//.test(own)) return 'validation and limits';
  if (/^server\/(operationPlugin|requestLogging|metrics|metricSeries|upstreamTally|logger)$/.test(own)) return 'logs and metrics';
  if (/^(server|http|errors|context|trustedDocuments)\//.test(own) || own === 'cache/cachePlugin' || own === 'cache/OperationCache') {
    return own === 'http/scanJsonDepth' ? 'upstream layer (session, path, breaker, body read, JSON.parse)' : 'request handling (HTTP body, context, Apollo pipeline)';
  }
  if (/^(resolvers|relay|execution)\//.test(own) || /^upstreams\/.*[lL]oaders$/.test(own) || own === 'upstreams/loaderUtils' || own === 'upstreams/projectSources') {
    return 'execution (graphql-js, resolvers, loaders, connections)';
  }
  if (/^upstreams\/.*([mM]appers\w*|decode|runState|responseShape|ids)$/.test(own)) return 'mapping and shape checks';
  if (/^(upstreams|cache)\//.test(own)) return 'upstream layer (session, path, breaker, body read, JSON.parse)';
  return undefined;
}

/** Microseconds of busy time per stage over all files, with the total; idle and the profiler itself left out. */
export function stageTimes(files: readonly string[]): { readonly byStage: Map<Stage, number>; readonly unowned: Map<string, number>; readonly total: number } {
  const byStage = new Map<Stage, number>();
  const unowned = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parents = new Map<number, ProfileNode>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
    const memo = new Map<number, Stage | null>();
    const stageOfNode = (leaf: ProfileNode): Stage | null => {
      const known = memo.get(leaf.id);
      if (known !== undefined) return known;
      let stage: Stage | null = null;
      for (let node: ProfileNode | undefined = leaf; node !== undefined; node = parents.get(node.id)) {
        if (node.callFrame.url === 'node:inspector' || node.callFrame.url.endsWith('gatewayProbe.mjs')) {
          stage = null;
          break;
        }
        const found = stageOf(node.callFrame.functionName, node.callFrame.url);
        if (found !== undefined) {
          stage = found;
          break;
        }
      }
      memo.set(leaf.id, stage ?? 'Node: promises, streams, timers (unowned)');
      return stage ?? 'Node: promises, streams, timers (unowned)';
    };
    profile.samples.forEach((id, i) => {
      const node = nodes.get(id);
      const delta = profile.timeDeltas[i] ?? 0;
      if (node === undefined || node.callFrame.functionName === '(idle)') return;
      const inProfiler = (() => {
        for (let n: ProfileNode | undefined = node; n !== undefined; n = parents.get(n.id)) if (n.callFrame.url === 'node:inspector') return true;
        return false;
      })();
      if (inProfiler) return;
      const stage = stageOfNode(node);
      if (stage === null) return;
      byStage.set(stage, (byStage.get(stage) ?? 0) + delta);
      if (stage === 'Node: promises, streams, timers (unowned)') {
        const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url}`;
        unowned.set(name, (unowned.get(name) ?? 0) + delta);
      }
      total += delta;
    });
  }
  return { byStage, unowned, total };
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''));
if (isMain) {
  const args = process.argv.slice(2);
  const option = (name: string): number | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : undefined;
  };
  const cpu = option('--cpu');
  const calls = option('--calls');
  const files = args.filter((arg, i) => !arg.startsWith('--') && !['--cpu', '--calls'].includes(args[i - 1] ?? ''));
  const { byStage, unowned, total } = stageTimes(files);
  process.stdout.write(`| stage | share | ${cpu === undefined ? '' : 'µs/op |'}\n|---|---|${cpu === undefined ? '' : '---|'}\n`);
  for (const stage of stages) {
    const share = (byStage.get(stage) ?? 0) / total;
    process.stdout.write(`| ${stage} | ${(100 * share).toFixed(1)}% | ${cpu === undefined ? '' : `${(share * cpu).toFixed(0)} |`}\n`);
  }
  if (cpu !== undefined && calls !== undefined && calls > 0) {
    for (const stage of perCallStages) {
      process.stdout.write(`${stage}: ${(((byStage.get(stage) ?? 0) / total) * cpu / calls).toFixed(1)} µs per upstream call\n`);
    }
  }
  process.stdout.write(`\nUnowned time by function (top 10 of ${(((byStage.get('Node: promises, streams, timers (unowned)') ?? 0) / 1000)).toFixed(0)} ms):\n`);
  for (const [name, us] of [...unowned].sort((a, b) => b[1] - a[1]).slice(0, 10)) process.stdout.write(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}\n`);
}
