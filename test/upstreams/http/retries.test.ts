import { describe, expect, it } from 'vitest';
import { startTestGateway } from '../../helpers/startTestGateway.js';
import { useTestGateway } from '../../helpers/useTestGateway.js';

const project = `{ circleciProject(slug: "gh/acme/api") { name } }`;
const projectPath = '/project/gh/acme/api$';
const calls = async (t: { requests(service: 'circleci'): Promise<{ method: string; path: string }[]> }): Promise<string[]> =>
  (await t.requests('circleci')).map((request) => `${request.method} ${request.path}`);

describe('retries where they are safe', () => {
  const t = useTestGateway();

  it.each([
    ['a 503', { status: 503 }],
    ['a 502', { status: 502 }],
    ['a reset connection', { reset: true }],
  ])('sends a GET that met %s once more, and answers with its data', async (_name, fault) => {
    await t.fault('circleci', { path: projectPath, ...fault, times: 1 });
    const result = await t.gql(project);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ circleciProject: { name: 'api' } });
    expect(await calls(t)).toEqual(['GET /api/v2/project/gh/acme/api', 'GET /api/v2/project/gh/acme/api']);
  });

  it('retries once only, and counts each attempt in /metrics', async () => {
    const scrape = async (): Promise<{ attempts: number; retries: number }> => {
      const text = await (await fetch(new URL('/metrics', t.url))).text();
      const value = (pattern: RegExp): number => Number(pattern.exec(text)?.[1] ?? 0);
      return {
        attempts: value(/^upstream_requests_total\{service="circleci",route="GET \/project\/\{project-slug\}",status="503"\} (\d+)$/m),
        retries: value(/^upstream_retries_total\{service="circleci"\} (\d+)$/m),
      };
    };
    const before = await scrape();
    await t.fault('circleci', { path: projectPath, status: 503 });
    const result = await t.gql(project);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', service: 'circleci', status: 503 });
    expect(await calls(t)).toHaveLength(2);
    expect(await scrape()).toEqual({ attempts: before.attempts + 2, retries: before.retries + 1 });
  });

  it('never retries a 500, a 504 or a 4xx', async () => {
    for (const status of [500, 504, 404]) {
      await t.clearRequests();
      await t.fault('circleci', { path: projectPath, status, times: 1 });
      await t.gql(project);
      expect(await calls(t), String(status)).toEqual(['GET /api/v2/project/gh/acme/api']);
    }
  });

  it('never retries a write', async () => {
    await t.fault('circleci', { method: 'POST', path: '/project/gh/acme/api/pipeline$', status: 503, times: 1 });
    const result = await t.gql(`mutation { circleciTriggerPipeline(input: { projectSlug: "gh/acme/api", branch: "main" }) { pipeline { number } } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503 });
    expect((await calls(t)).filter((call) => call.startsWith('POST'))).toEqual(['POST /api/v2/project/gh/acme/api/pipeline']);
  });

  it('never retries before a Retry-After that the call has no time left for', async () => {
    await t.fault('circleci', { path: projectPath, status: 503, headers: { 'retry-after': '30' }, times: 1 });
    const result = await t.gql(project);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503 });
    expect(await calls(t)).toHaveLength(1);
  });

  it('waits a short Retry-After before the retry, within the call\'s time', async () => {
    await t.fault('circleci', { path: projectPath, status: 503, headers: { 'retry-after': '1' }, times: 1 });
    const result = await t.gql(project);
    expect(result.errors).toBeUndefined();
    const [first, second] = (await t.requests('circleci')).map((request) => Date.parse(request.at));
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(990);
  });
});

describe('retries and the circuit', () => {
  it('never retries once the failure opened the circuit', async () => {
    const strict = await startTestGateway({ env: { CIRCUIT_BREAKER_MIN_CALLS: '1' } });
    try {
      await strict.fault('circleci', { path: projectPath, status: 503, times: 1 });
      const result = await strict.gql(project);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503 });
      expect(await calls(strict)).toHaveLength(1);
    } finally {
      await strict.close();
    }
  });

  it('UPSTREAM_RETRY_ENABLED=false sends each call once', async () => {
    const off = await startTestGateway({ env: { UPSTREAM_RETRY_ENABLED: 'false' } });
    try {
      await off.fault('circleci', { path: projectPath, status: 503, times: 1 });
      expect((await off.gql(project)).errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503 });
      expect(await calls(off)).toHaveLength(1);
    } finally {
      await off.close();
    }
  });
});
