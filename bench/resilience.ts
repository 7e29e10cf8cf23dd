/**
 * What the gateway does when a service misbehaves (a benchmark script, not a
 * test): the five simulators with the demo data in a process of their own,
 * the built gateway in others, all on loopback. It prints
 *
 * - the dashboard's p50/p99 healthy, then with GitLab hung (answers after
 *   20 s, UPSTREAM_TIMEOUT_MS=2000) before and after its circuit opens, the
 *   calls reaching GitLab in each reset period, and whether the other four
 *   services' data stayed whole;
 * - how long after GitLab recovers its data is back;
 * - the calls with a rate-limited credential inside a `Retry-After: 30`
 *   window, from one replica and from two sharing Redis;
 * - memory and `/healthz` latency while the gateway reads 10 MB of nested
 *   JSON, and 10 MB of valid JSON, from GitLab.
 *
 * The upstream cache is off, so every dashboard makes its calls (34 when all
 * is well). Every loop is bounded by a count and a time budget; the whole run
 * takes about three minutes. `BENCH_GATEWAY_MAIN` names another build.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedisServer, type RedisServer } from '../test/helpers/redisServer.js';
import { percentile } from './measure.js';
import { startProcess, type RunningProcess } from './processes.js';
import { startSwitchyard, type RunningSwitchyard } from './startSwitchyard.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const gatewayMain = resolve(process.env['BENCH_GATEWAY_MAIN'] ?? `${root}dist/src/main.js`);
const dashboard = readFileSync(`${root}examples/dashboard.graphql`, 'utf8');
const concurrency = 4;
const hangMs = 20_000;
const timeoutMs = 2_000;
const resetMs = 10_000;

interface Simulators {
  readonly process: RunningProcess;
  readonly urls: Readonly<Record<string, string>>;
  readonly tokens: Readonly<Record<string, string>>;
}

interface Answer {
  readonly data?: any;
  readonly errors?: readonly { readonly message: string; readonly path?: readonly (string | number)[]; readonly extensions?: Record<string, unknown> }[];
}

/** One dashboard as a client saw it. */
interface Sample {
  readonly at: number;
  readonly ms: number;
  readonly answer: Answer;
}

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '–');

function originOf(simulators: Simulators, service: string): string {
  return new URL(simulators.urls[service] as string).origin;
}

async function control(simulators: Simulators, service: string, path: string, method: string, body?: unknown): Promise<void> {
  const response = await fetch(`${originOf(simulators, service)}/__sim/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${service} simulator refused ${method} ${path}: ${response.status}`);
}

async function requestTimes(simulators: Simulators, service: string): Promise<number[]> {
  const log = (await (await fetch(`${originOf(simulators, service)}/__sim/requests`)).json()) as { at: string }[];
  return log.map((entry) => Date.parse(entry.at));
}

async function ask(url: string, query: string): Promise<Sample> {
  const at = Date.now();
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const answer = (await response.json()) as Answer;
  return { at, ms: performance.now() - started, answer };
}

/** Dashboards from `concurrency` clients, each asking again as soon as it has its answer, until `count` or `budgetMs`. */
async function dashboards(url: string, count: number, budgetMs: number, onSample?: (sample: Sample) => void): Promise<Sample[]> {
  const samples: Sample[] = [];
  const deadline = Date.now() + budgetMs;
  let started = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < count && Date.now() < deadline) {
        started++;
        const sample = await ask(url, dashboard);
        samples.push(sample);
        onSample?.(sample);
      }
    }),
  );
  return samples;
}

function latencies(samples: readonly Sample[]): string {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  return `p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))} (${samples.length} dashboards)`;
}

const codesOf = (answer: Answer): string[] => (answer.errors ?? []).map((error) => String(error.extensions?.['code']));
const services = (answer: Answer): Set<string> => new Set((answer.data?.projects?.edges ?? []).map((edge: any) => edge.node.service as string));

/** The other four services' part of a dashboard: Concord's and FlexStack's projects, the CircleCI project, no error of theirs. */
function othersWhole(answer: Answer): boolean {
  const found = services(answer);
  const foreign = (answer.errors ?? []).filter((error) => error.extensions?.['service'] !== 'gitlab');
  return found.has('CONCORD') && found.has('FLEXSTACK') && answer.data?.circleciProject?.name === 'api' && foreign.length === 0;
}

const gitlabWhole = (answer: Answer): boolean => services(answer).has('GITLAB') && (answer.errors ?? []).length === 0;

async function gateway(name: string, simulators: Simulators, env: Record<string, string> = {}): Promise<RunningSwitchyard> {
  return startSwitchyard({
    name,
    main: gatewayMain,
    urls: simulators.urls,
    tokens: simulators.tokens,
    cache: false,
    logLevel: 'warn',
    nodeArgs: [],
    env: { UPSTREAM_TIMEOUT_MS: String(timeoutMs), ...env },
  });
}

async function hungService(simulators: Simulators): Promise<void> {
  const target = await gateway('switchyard', simulators);
  try {
    await dashboards(target.url, 20, 20_000);
    const healthy = await dashboards(target.url, 200, 20_000);
    say(`Healthy: ${latencies(healthy)}; every one whole: ${healthy.every((sample) => gitlabWhole(sample.answer))}`);

    await control(simulators, 'gitlab', 'requests', 'DELETE');
    await control(simulators, 'gitlab', 'faults', 'POST', { path: '/api/v4/', latencyMs: hangMs });
    const hungAt = Date.now();
    let openedAt: number | undefined;
    const hung = await dashboards(target.url, 5_000, 4 * resetMs + 5_000, (sample) => {
      if (openedAt === undefined && codesOf(sample.answer).includes('UPSTREAM_UNAVAILABLE')) openedAt = sample.at;
    });
    const opened = openedAt ?? Number.POSITIVE_INFINITY;
    const before = hung.filter((sample) => sample.at < opened);
    const after = hung.filter((sample) => sample.at >= opened);
    say(`GitLab hung (answers after ${hangMs / 1000} s, UPSTREAM_TIMEOUT_MS=${timeoutMs}):`);
    say(`  before its circuit opened: ${latencies(before)}; ${(((openedAt ?? hungAt) - hungAt) / 1000).toFixed(1)} s until it opened`);
    say(`  once open:                 ${latencies(after)}; the other four services whole in ${after.filter((sample) => othersWhole(sample.answer)).length} of ${after.length}`);
    const calls = await requestTimes(simulators, 'gitlab');
    const beforeOpen = calls.filter((at) => at < opened).length;
    const periods: number[] = [];
    const ended = Math.max(...hung.map((sample) => sample.at + sample.ms));
    for (let start = opened; start + resetMs <= ended; start += resetMs) periods.push(calls.filter((at) => at >= start && at < start + resetMs).length);
    const offsets = calls.filter((at) => at >= opened).map((at) => ((at - opened) / 1000).toFixed(1));
    say(`  calls reaching GitLab: ${beforeOpen} before it opened, then ${periods.join(', ')} in each whole ${resetMs / 1000} s period (at ${offsets.join(', ')} s after)`);

    await control(simulators, 'gitlab', 'faults', 'DELETE');
    const recoveredAt = Date.now();
    let backAt: number | undefined;
    await dashboards(target.url, 2_000, resetMs + 10_000, (sample) => {
      if (backAt === undefined && gitlabWhole(sample.answer)) backAt = sample.at + sample.ms;
    });
    say(`GitLab recovered: its data whole again after ${backAt === undefined ? 'more than the budget' : `${((backAt - recoveredAt) / 1000).toFixed(1)} s`} (reset time ${resetMs / 1000} s)`);
  } finally {
    await target.process.stop();
  }
}

/** Calls that reach GitLab in the 8 s after a 429 with Retry-After: 30, from the given replicas taking turns. */
async function limitedCalls(simulators: Simulators, replicas: readonly RunningSwitchyard[]): Promise<{ limited: boolean; calls: number; refused: number }> {
  const query = `{ gitlabProject(idOrPath: "acme/api") { name } }`;
  await control(simulators, 'gitlab', 'faults', 'POST', { path: '/api/v4/', status: 429, headers: { 'retry-after': '30' }, times: 1 });
  const first = await ask((replicas[0] as RunningSwitchyard).url, query);
  const limited = first.answer.errors?.[0]?.extensions?.['status'] === 429;
  await control(simulators, 'gitlab', 'requests', 'DELETE');
  const deadline = Date.now() + 8_000;
  let refused = 0;
  for (let i = 0; i < 2_000 && Date.now() < deadline; i++) {
    const sample = await ask((replicas[i % replicas.length] as RunningSwitchyard).url, query);
    if (codesOf(sample.answer).includes('RATE_LIMITED')) refused++;
  }
  await control(simulators, 'gitlab', 'faults', 'DELETE');
  return { limited, calls: (await requestTimes(simulators, 'gitlab')).length, refused };
}

async function rateLimits(simulators: Simulators): Promise<void> {
  const one = await gateway('switchyard', simulators);
  try {
    const result = await limitedCalls(simulators, [one]);
    say(`After a GitLab 429 with Retry-After: 30 (${result.limited ? 'seen' : 'NOT seen'}), one replica: ${result.calls} calls with that token reached GitLab in 8 s (${result.refused} refused at once)`);
  } finally {
    await one.process.stop();
  }
  let redis: RedisServer | undefined;
  try {
    redis = await startRedisServer();
  } catch (error) {
    say(`Two replicas: skipped, no redis-server (${(error as Error).message})`);
    return;
  }
  const shared = { REDIS_URL: redis.url, CACHE_KEY_SECRET: 'bench-shared-secret' };
  const replicas: RunningSwitchyard[] = [];
  try {
    replicas.push(await gateway('replica-a', simulators, shared), await gateway('replica-b', simulators, shared));
    const result = await limitedCalls(simulators, replicas);
    say(`                                                    two replicas, one Redis: ${result.calls} calls in 8 s (${result.refused} refused at once)`);
  } finally {
    for (const replica of replicas) await replica.process.stop();
    await redis.stop();
  }
}

/** The gateway's resident memory (bytes) now and its peak since the last reset of the peak (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Reads one answer while `/healthz` is asked every 20 ms: the peak memory over the read's, and the slowest `/healthz`. */
async function costOf(target: RunningSwitchyard, query: string): Promise<{ answer: Answer; peakMb: number; healthzMs: number; ms: number }> {
  const pid = target.process.child.pid as number;
  // Writing 5 to clear_refs starts the peak (VmHWM) over from the memory held now.
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const base = memoryOf(pid).rss;
  const healthz = new URL('/healthz', target.url).href;
  let slowest = 0;
  let reading = true;
  const poller = (async () => {
    while (reading) {
      const started = performance.now();
      await (await fetch(healthz)).text();
      slowest = Math.max(slowest, performance.now() - started);
      await sleep(20);
    }
  })();
  const sample = await ask(target.url, query);
  await sleep(200);
  reading = false;
  await poller;
  return { answer: sample.answer, peakMb: (memoryOf(pid).peak - base) / 1_048_576, healthzMs: slowest, ms: sample.ms };
}

async function largeAnswers(simulators: Simulators): Promise<void> {
  const target = await gateway('switchyard', simulators, { UPSTREAM_TIMEOUT_MS: '10000' });
  try {
    const project = `{ gitlabProject(idOrPath: "acme/api") { name } }`;
    for (let i = 0; i < 20; i++) await ask(target.url, dashboard);
    await control(simulators, 'gitlab', 'faults', 'POST', { path: '/projects/acme%2Fapi$', raw: [{ text: '[', repeat: 10_000_000 }] });
    const nested = await costOf(target, project);
    say(`10 MB of [[[[…: ${nested.answer.errors?.[0]?.message ?? 'no error'}; peak memory +${nested.peakMb.toFixed(1)} MB, slowest /healthz ${ms(nested.healthzMs)}, answer in ${ms(nested.ms)}`);
    await control(simulators, 'gitlab', 'faults', 'DELETE');

    const origin = originOf(simulators, 'gitlab');
    const real = await (await fetch(`${origin}/api/v4/projects/acme%2Fapi`, { headers: { 'private-token': simulators.tokens['gitlab'] ?? '' } })).text();
    const inField = real.replace(/}$/, ',"nested":');
    await control(simulators, 'gitlab', 'faults', 'POST', {
      path: '/projects/acme%2Fapi$',
      raw: [{ text: inField }, { text: '[', repeat: 5_000_000 }, { text: ']', repeat: 5_000_000 }, { text: '}' }],
    });
    const field = await costOf(target, project);
    say(`10 MB of [[[[…]]]] inside a field of a valid project: ${field.answer.errors?.[0]?.message ?? 'no error'}; peak memory +${field.peakMb.toFixed(1)} MB, slowest /healthz ${ms(field.healthzMs)}`);
    await control(simulators, 'gitlab', 'faults', 'DELETE');

    // A valid answer of 10 MB: a member list of 40,000 members (the whole body is parsed, then mapped).
    const member = JSON.stringify({ id: 7, username: 'grace', name: 'Grace Hopper', state: 'active', avatar_url: 'https://gitlab.example.com/uploads/-/system/user/avatar/7/avatar.png', web_url: 'https://gitlab.example.com/grace', access_level: 30, created_at: '2024-01-02T03:04:05.000Z', expires_at: null, membership_state: 'active' });
    const count = Math.floor(10_000_000 / (member.length + 1));
    await control(simulators, 'gitlab', 'faults', 'POST', {
      path: '/projects/[^/]+/members$',
      raw: [{ text: '[' }, { text: `${member},`, repeat: count - 1 }, { text: member }, { text: ']' }],
      headers: { 'x-total': String(count), 'x-per-page': '5', 'x-page': '1' },
    });
    const valid = await costOf(target, `{ gitlabProject(idOrPath: "acme/api") { members(first: 5) { edges { node { name } } } } }`);
    say(`10 MB of valid JSON (${count} members): ${valid.answer.errors?.[0]?.message ?? 'read'}; peak memory +${valid.peakMb.toFixed(1)} MB, slowest /healthz ${ms(valid.healthzMs)}, answer in ${ms(valid.ms)}`);
    await control(simulators, 'gitlab', 'faults', 'DELETE');
  } finally {
    await target.process.stop();
  }
}

async function main(): Promise<void> {
  if (!existsSync(gatewayMain)) throw new Error('No build: run `npm run build` first (npm run bench:resilience does)');
  const simulatorProcess = await startProcess({ name: 'simulators', args: ['--import=tsx', `${root}bench/simulators.ts`], env: {}, readyLine: true });
  const simulators: Simulators = { process: simulatorProcess, ...(JSON.parse(simulatorProcess.firstLine) as Omit<Simulators, 'process'>) };
  say(`Load average ${(loadavg()[0] as number).toFixed(2)}; ${concurrency} clients asking the dashboard (examples/dashboard.graphql), upstream cache off`);
  try {
    await hungService(simulators);
    await rateLimits(simulators);
    await largeAnswers(simulators);
  } finally {
    await simulatorProcess.stop();
  }
  say(`Load average ${(loadavg()[0] as number).toFixed(2)}`);
}

await main();
