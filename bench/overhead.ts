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
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixed, getJson, graphqlOperation, printTable, runPhase, type Operation, type PhaseResult } from './measure.js';
import { startProcess, type RunningProcess } from './processes.js';
import { startSwitchyard } from './startSwitchyard.js';

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

/** The same read in Hive Gateway's schema, generated from the OpenAPI spec. */
const hiveQuery = JSON.stringify({
  query: `query ProjectPipelines($slug: String!) {
  getProjectBySlug(project_slug: $slug) { ... on Project { slug name organization_name } }
  listPipelinesForProject(project_slug: $slug) { ... on PipelineListResponse { items { id number state created_at updated_at } } }
}`,
  variables: { slug },
});

const hiveHasPipelines = (data: unknown): boolean => {
  const answer = data as { getProjectBySlug?: { slug?: string }; listPipelinesForProject?: { items?: unknown[] } };
  return answer.getProjectBySlug?.slug === slug && (answer.listPipelinesForProject?.items?.length ?? 0) > 0;
};

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

const hasPipelines = (data: unknown): boolean =>
  ((data as { circleciProject?: { pipelines?: { edges?: unknown[] } } }).circleciProject?.pipelines?.edges?.length ?? 0) > 0;

async function main(): Promise<void> {
  if (!existsSync(gatewayMain)) throw new Error('No build: run `npm run build` first (npm run bench:overhead does)');
  const simulator = await startProcess({ name: 'simulator', args: ['--import=tsx', `--import=${root}bench/gatewayProbe.mjs`, `${root}bench/simulators.ts`], env: {}, readyLine: true });
  const { url: simulatorUrl, specUrl } = JSON.parse(simulator.firstLine) as { url: string; specUrl: string };
  const simOrigins = [new URL(simulatorUrl).origin];
  const results: PhaseResult[] = [];
  try {
    for (const target of targets) {
      let child: RunningProcess | undefined;
      let operation: Operation;
      if (target === 'direct') {
        operation = directOperation(simulatorUrl);
      } else if (target === 'gateway' || target === 'gateway-cached') {
        const gateway = await startSwitchyard({
          name: target,
          main: gatewayMain,
          urls: { circleci: simulatorUrl },
          tokens: { circleci: token },
          cache: target === 'gateway-cached',
          logLevel,
          nodeArgs: gatewayNodeArgs,
        });
        child = gateway.process;
        operation = graphqlOperation(gateway.url, gatewayQuery, hasPipelines);
      } else if (target === 'hive') {
        // Loaded only when asked for: it needs bench/hive installed.
        const { startHive } = await import('./hive/startHive.js');
        const hive = await startHive({ simulatorUrl, specUrl, token, nodeArgs: gatewayNodeArgs });
        child = hive.process;
        operation = graphqlOperation(hive.url, hiveQuery, hiveHasPipelines);
      } else {
        throw new Error(`unknown target ${target}`);
      }
      try {
        for (const concurrency of concurrencies) {
          results.push(
            await runPhase({
              target,
              operation,
              concurrency,
              ops: phaseOps,
              budgetMs: phaseBudgetMs,
              warmupOps,
              measured: child,
              simulator,
              simOrigins,
              profileFile: profileDir === undefined ? undefined : resolve(profileDir, `${target}-x${concurrency}.cpuprofile`),
            }),
          );
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
  printTable(header, rows);
}

await main();
