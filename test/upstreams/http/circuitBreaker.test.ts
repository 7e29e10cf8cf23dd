import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureLogger } from '../../cache/logCapture.js';
import { startTestGateway } from '../../helpers/startTestGateway.js';
import { useTestGateway } from '../../helpers/useTestGateway.js';

// The production defaults: half of at least 10 calls in 10 s failed, or 5 failures in a row; 10 s open, 3 probes.
let now = 1_700_000_000_000;
const log = captureLogger();
const t = useTestGateway(() => ({ env: { UPSTREAM_TIMEOUT_MS: '400' }, gateway: { clock: () => now, logger: log.logger } }));

const dashboard = readFileSync(new URL('../../../examples/dashboard.graphql', import.meta.url), 'utf8');
const project = (id: string): string => `{ gitlabProject(idOrPath: "${id}") { name } }`;

async function scrape(): Promise<string> {
  return (await fetch(new URL('/metrics', t.url))).text();
}

/** The value of one sample line, by its exact name and labels. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Fails GitLab's project reads with 500 and sends `count` of them, one after the other. */
async function failGitLab(count: number): Promise<void> {
  await t.fault('gitlab', { path: '/projects/', status: 500 });
  for (let i = 0; i < count; i++) {
    const result = await t.gql(project('acme/api'));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', service: 'gitlab', status: 500 });
  }
}

const transitions = (): string[] => log.lines.filter((line) => /circuit (open|half-open|closed)/.test(line.msg)).map((line) => line.msg);

describe('a circuit breaker per service', () => {
  it('opens once enough calls fail: calls are refused at once, naming the service, and the other services answer', async () => {
    log.lines.length = 0;
    await failGitLab(4);
    // Four failures in a row are not five: the fifth still goes.
    await failGitLab(1);
    expect(transitions()).toEqual(['GitLab circuit open: 5 calls in a row failed (5 of 5 calls in the last 10 s failed); its calls are refused for 10 s']);

    await t.clearRequests();
    const result = await t.gql(dashboard);
    expect(await t.requests('gitlab')).toEqual([]);
    expect(result.data?.['projects'].failedServices).toEqual(['GITLAB']);
    expect(new Set(result.data?.['projects'].edges.map((edge: any) => edge.node.service))).toEqual(new Set(['CONCORD', 'FLEXSTACK']));
    expect(result.data?.['circleciProject'].name).toBe('api');
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ['projects'],
        message: 'GitLab is failing: the gateway sends it no calls for 10 s (circuit open)',
        extensions: { code: 'UPSTREAM_UNAVAILABLE', service: 'gitlab', reason: 'CIRCUIT_OPEN', retryAfter: 10 },
      }),
    ]);
    expect((await t.requests('concord')).length).toBeGreaterThan(0);

    now += 4_000;
    const later = await t.gql(project('acme/api'));
    expect(later.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', service: 'gitlab', reason: 'CIRCUIT_OPEN', retryAfter: 6 });
    expect(await t.requests('gitlab')).toEqual([]);
  });

  it('reports the circuit in /metrics and /readyz, which stays ready', async () => {
    await failGitLab(5);
    await t.gql(project('acme/api'));
    await t.gql(project('acme/api'));
    const text = await scrape();
    expect(sample(text, 'upstream_circuit_state{service="gitlab"}')).toBe(1);
    expect(sample(text, 'upstream_circuit_state{service="circleci"}')).toBe(0);
    expect(sample(text, 'upstream_circuit_rejections_total{service="gitlab"}')).toBeGreaterThanOrEqual(2);
    const ready = await fetch(new URL('/readyz', t.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', reasons: [], openCircuits: [{ service: 'gitlab', state: 'open' }] });
  });

  it('after the reset time lets a few probes through: a failed probe opens it again, successful ones close it', async () => {
    await failGitLab(5);
    log.lines.length = 0;
    await t.clearRequests();
    now += 10_000;
    // Still failing: the probe goes, fails, and the circuit opens for another 10 s.
    const probe = await t.gql(project('acme/api'));
    expect(probe.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', status: 500 });
    expect(await t.requests('gitlab')).toHaveLength(1);
    const refused = await t.gql(project('acme/api'));
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryAfter: 10 });
    expect(await t.requests('gitlab')).toHaveLength(1);

    // Recovered: of four concurrent reads three go as probes, the fourth is refused; three successes close it.
    await t.clearFaults();
    await t.clearRequests();
    now += 10_000;
    const four = await t.gql(`{ a: gitlabProject(idOrPath: "acme/api") { name } b: gitlabProject(idOrPath: "acme/web") { name } c: gitlabProject(idOrPath: "globex/payments") { name } d: gitlabProject(idOrPath: "acme/infra") { name } }`);
    expect(await t.requests('gitlab')).toHaveLength(3);
    expect(four.errors?.map((error) => error.extensions?.['code'])).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(four.errors?.[0]?.extensions?.['retryAfter']).toBe(1);
    const back = await t.gql(project('acme/infra'));
    expect(back.errors).toBeUndefined();
    expect(back.data).toEqual({ gitlabProject: { name: 'Infra' } });
    expect(transitions()).toEqual([
      'GitLab circuit half-open: sending probe calls',
      'GitLab circuit open: a probe call failed; its calls are refused for 10 s',
      'GitLab circuit half-open: sending probe calls',
      'GitLab circuit closed: the probe calls succeeded',
    ]);
    expect(sample(await scrape(), 'upstream_circuit_state{service="gitlab"}')).toBe(0);
  });

  it('opens on five failures in a row after a window full of successes, or on half of the window failing', async () => {
    log.lines.length = 0;
    for (let i = 0; i < 20; i++) expect((await t.gql(project('acme/api'))).errors).toBeUndefined();
    // Five of twenty-five is far under half, but five in a row is a service that stopped answering.
    await failGitLab(5);
    expect(transitions()).toEqual(['GitLab circuit open: 5 calls in a row failed (5 of 25 calls in the last 10 s failed); its calls are refused for 10 s']);
    await t.clearFaults();
    await t.gateway.upstreams.resetGuards();
    log.lines.length = 0;
    // Failing every other call: never two in a row, but half of ten once the tenth has failed.
    for (let i = 0; i < 5; i++) {
      expect((await t.gql(project('acme/api'))).errors).toBeUndefined();
      await t.fault('gitlab', { path: '/projects/', status: 500, times: 1 });
      expect((await t.gql(project('acme/api'))).errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_ERROR');
    }
    expect((await t.gql(project('acme/api'))).errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(transitions()).toEqual(['GitLab circuit open: 5 of 10 calls in the last 10 s failed; its calls are refused for 10 s']);
  });

  it('does not count 4xx answers or rate limits as failures', async () => {
    await t.fault('gitlab', { path: '/projects/', status: 404 });
    for (let i = 0; i < 6; i++) expect((await t.gql(project('acme/api'))).data).toEqual({ gitlabProject: null });
    await t.clearFaults();
    await t.gateway.upstreams.resetGuards();
    // Four failures, then three rate limits (each token then waits, so each needs its own): seven failures if they counted.
    await failGitLab(4);
    await t.clearFaults();
    await t.fault('gitlab', { path: '/projects/', status: 429, headers: { 'retry-after': '30' } });
    for (const token of ['gitlab-token-root', 'gitlab-token-grace', 'gitlab-token-linus']) {
      expect((await t.gql(project('acme/api'), undefined, { 'x-gitlab-token': token })).errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    }
    await t.clearFaults();
    await t.clearRequests();
    expect((await t.gql(project('acme/api'))).data).toEqual({ gitlabProject: { name: 'Api' } });
    expect(await t.requests('gitlab')).toHaveLength(1);
  });

  it('counts timeouts: against a hung service the fifth opens the circuit, and the next call waits for nothing', async () => {
    await t.fault('gitlab', { path: '/projects/', latencyMs: 3_000 });
    for (let i = 0; i < 5; i++) expect((await t.gql(project('acme/api'))).errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_TIMEOUT');
    await t.clearRequests();
    expect((await t.gql(project('acme/api'))).errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(await t.requests('gitlab')).toEqual([]);
  });

  it('keeps one circuit per service: CircleCI failing leaves GitLab closed', async () => {
    await t.fault('circleci', { path: '/project/', status: 500 });
    for (let i = 0; i < 5; i++) await t.gql(`{ circleciProject(slug: "gh/acme/api") { name } }`);
    expect((await t.gql(`{ circleciProject(slug: "gh/acme/api") { name } }`)).errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect((await t.gql(project('acme/api'))).data).toEqual({ gitlabProject: { name: 'Api' } });
  });
});

describe('the circuit breaker settings', () => {
  it('CIRCUIT_BREAKER_ENABLED=false sends every call, however many fail', async () => {
    const off = await startTestGateway({ env: { CIRCUIT_BREAKER_ENABLED: 'false' } });
    try {
      await off.fault('gitlab', { path: '/projects/', status: 500 });
      for (let i = 0; i < 12; i++) expect((await off.gql(project('acme/api'))).errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_ERROR');
      expect(await off.requests('gitlab')).toHaveLength(12);
    } finally {
      await off.close();
    }
  });

  it('opens by CIRCUIT_BREAKER_FAILURE_RATE and CIRCUIT_BREAKER_MIN_CALLS (CIRCUIT_BREAKER_CONSECUTIVE_FAILURES=0: never by a run), and forgets failures older than CIRCUIT_BREAKER_WINDOW_MS', async () => {
    let clock = 1_700_000_000_000;
    const tuned = await startTestGateway({
      env: {
        CIRCUIT_BREAKER_FAILURE_RATE: '60',
        CIRCUIT_BREAKER_MIN_CALLS: '10',
        CIRCUIT_BREAKER_CONSECUTIVE_FAILURES: '0',
        CIRCUIT_BREAKER_WINDOW_MS: '10000',
        CIRCUIT_BREAKER_RESET_MS: '2000',
        CIRCUIT_BREAKER_HALF_OPEN_CALLS: '1',
      },
      gateway: { clock: () => clock },
    });
    try {
      const read = async (): Promise<string | undefined> => (await tuned.gql(project('acme/api'))).errors?.[0]?.extensions?.['code'] as string | undefined;
      // Half of ten calls failing is under 60%.
      await tuned.fault('gitlab', { path: '/projects/', status: 500, times: 5 });
      for (let i = 0; i < 5; i++) expect(await read()).toBe('UPSTREAM_ERROR');
      for (let i = 0; i < 5; i++) expect(await read()).toBeUndefined();
      // Past the window the ten are forgotten: six failures alone are under the minimum of ten calls.
      clock += 11_000;
      await tuned.fault('gitlab', { path: '/projects/', status: 500 });
      for (let i = 0; i < 9; i++) expect(await read()).toBe('UPSTREAM_ERROR');
      // The tenth call in the window makes ten failures of ten.
      expect(await read()).toBe('UPSTREAM_ERROR');
      expect(await read()).toBe('UPSTREAM_UNAVAILABLE');
      // One probe after 2 s; its success closes the circuit.
      await tuned.clearFaults();
      clock += 2_000;
      expect(await read()).toBeUndefined();
      expect(await read()).toBeUndefined();
    } finally {
      await tuned.close();
    }
  });
});
