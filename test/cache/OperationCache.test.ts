import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRedisCache } from '../helpers/expectRedisCache.js';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.js';
import type { TestGateway } from '../helpers/startTestGateway.js';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { circleCiWorkflowBody, hmac, post as postWebhook, waitFor } from '../subscriptions/liveHelpers.js';
import { cachedEnv, ok } from './invalidation/harness.js';
import { captureLogger } from './logCapture.js';

const secret = 'circle-secret';
const grace = { 'x-circleci-token': 'circleci-token-grace' };
const pipelinesQuery = `query Pipelines($slug: String!) { circleciProject(slug: $slug) { name pipelines(first: 50) { edges { node { number } } } } }`;

/** One POST /graphql as sent on the wire: status, headers and the body's exact text. */
async function send(t: TestGateway, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const circleciCalls = async (t: TestGateway): Promise<string[]> => (await t.requests('circleci')).map((r) => `${r.method} ${r.path}`);
const numbers = (text: string): number[] => (JSON.parse(text) as any).data.circleciProject.pipelines.edges.map((e: any) => e.node.number);
const answered = (t: TestGateway): { hits: number; misses: number; stores: number } => {
  const cache = t.gateway.operationCache;
  if (cache === undefined) throw new Error('the whole-answer cache is off');
  return cache.counts();
};

/** The tests every store must pass: served whole, per credential, purged by writes and webhook events. */
function storeSuite(t: TestGateway): void {
  it('answers a repeated query with the same bytes and no upstream call, per credential', async () => {
    const first = await send(t, pipelinesQuery, { slug: 'gh/acme/api' });
    expect(first.status).toBe(200);
    expect(await circleciCalls(t)).not.toEqual([]);
    await t.clearRequests();
    const before = answered(t);
    const second = await send(t, pipelinesQuery, { slug: 'gh/acme/api' }, { 'x-request-id': 'repeat-1' });
    expect(second.text).toBe(first.text);
    expect(second.headers.get('x-request-id')).toBe('repeat-1');
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(second.headers.get('cache-control')).toMatch(/^private, max-age=[1-9]\d*$/);
    expect(await circleciCalls(t), 'no upstream call').toEqual([]);
    expect(answered(t).hits).toBe(before.hits + 1);

    // Another credential never gets it: its own read goes upstream with its own token.
    const other = await send(t, pipelinesQuery, { slug: 'gh/acme/api' }, grace);
    expect(other.status).toBe(200);
    expect(await circleciCalls(t)).not.toEqual([]);
    expect(answered(t).hits).toBe(before.hits + 1);
  });

  it('goes upstream again after a mutation through the gateway', async () => {
    const cached = await send(t, pipelinesQuery, { slug: 'gh/acme/web' });
    expect((await send(t, pipelinesQuery, { slug: 'gh/acme/web' })).text).toBe(cached.text);
    ok(await t.gql(`mutation { circleciTriggerPipeline(input: { projectSlug: "gh/acme/web" }) { pipeline { number } } }`));
    await t.clearRequests();
    const after = await send(t, pipelinesQuery, { slug: 'gh/acme/web' });
    expect(await circleciCalls(t)).toContain('GET /api/v2/project/gh/acme/web/pipeline');
    expect(numbers(after.text).length).toBe(numbers(cached.text).length + 1);
  });

  it('goes upstream again after a signed webhook event names what it read', async () => {
    const triggered = ok(
      await t.gql(`mutation { circleciTriggerPipeline(input: { projectSlug: "gh/acme/api" }) { pipeline { pipelineId workflows { edges { node { workflowId } } } } } }`),
    );
    const pipelineId: string = triggered['circleciTriggerPipeline'].pipeline.pipelineId;
    const workflowId: string = triggered['circleciTriggerPipeline'].pipeline.workflows.edges[0].node.workflowId;
    const query = `query Workflow($id: ID!) { circleciWorkflow(id: $id) { status } }`;
    expect(ok(await t.gql(query, { id: workflowId }))).toEqual({ circleciWorkflow: { status: 'running' } });
    const workflow = t.simulators.circleci.store.workflows.find((w) => w.id === workflowId);
    if (workflow === undefined) throw new Error('no workflow');
    workflow.status = 'failed';
    workflow.stoppedAt = new Date().toISOString();
    const hits = answered(t).hits;
    expect(ok(await t.gql(query, { id: workflowId })), 'served whole before the event').toEqual({ circleciWorkflow: { status: 'running' } });
    expect(answered(t).hits).toBe(hits + 1);

    const invalidations = t.gateway.cache.stats.snapshot().invalidations;
    const body = circleCiWorkflowBody({ id: `answers-${workflowId}`, projectSlug: 'gh/acme/api', pipelineId, workflowId, status: 'failed' });
    const delivered = await postWebhook(t.url, '/webhooks/circleci', body, { 'circleci-signature': `v1=${hmac(secret, body)}`, 'circleci-event-type': 'workflow-completed' });
    expect(delivered.status).toBe(202);
    await waitFor(() => t.gateway.cache.stats.snapshot().invalidations > invalidations, 'the event purged the cache');
    await t.clearRequests();
    expect(ok(await t.gql(query, { id: workflowId }))).toEqual({ circleciWorkflow: { status: 'failed' } });
    expect(await circleciCalls(t)).toEqual([`GET /api/v2/workflow/${workflowId}`]);
  });
}

describe('whole answers in memory', () => {
  const logs = captureLogger();
  let now = Date.now();
  const t = useTestGateway({
    env: { ...cachedEnv, CIRCLECI_WEBHOOK_SECRET: secret, CACHE_TTL_OBJECT_SECONDS: '60', CACHE_STALE_SECONDS: '0' },
    runDurationMs: 600_000,
    logger: logs.logger,
    gateway: { clock: () => now },
  });
  storeSuite(t);

  it('logs a served answer as an operation, counts it, and keeps its freshness', async () => {
    const query = `query Project { circleciProject(slug: "gh/acme/mobile") { name } }`;
    const first = await send(t, query, {});
    expect(first.headers.get('cache-control')).toBe('private, max-age=60');
    now += 20_000;
    const second = await send(t, query, {}, { 'x-request-id': 'logged-hit' });
    expect(second.text).toBe(first.text);
    expect(second.headers.get('cache-control')).toBe('private, max-age=40');
    const line = logs.lines.find((l: any) => l.requestId === 'logged-hit') as any;
    expect(line).toMatchObject({ msg: 'graphql operation', operationName: 'Project', operationType: 'query', outcome: 'success', upstreamCalls: 0, cached: true });
    // Without a client id, the one made for the answer is the one its log line carries.
    const unnamed = await send(t, query, {});
    const made = unnamed.headers.get('x-request-id');
    expect(made).toMatch(/^[\w-]{8,}$/);
    expect(logs.lines.find((l: any) => l.requestId === made)).toMatchObject({ cached: true });
    const metrics = await (await fetch(t.url.replace('/graphql', '/metrics'))).text();
    expect(Number(/^graphql_response_cache_hits_total (\d+)/m.exec(metrics)?.[1])).toBe(answered(t).hits);
  });

  it('answers the same operation with its variables in another order, and keeps apart what differs', async () => {
    const query = `query Pipelines($slug: String!, $first: Int) { circleciProject(slug: $slug) { pipelines(first: $first) { edges { node { number } } } } }`;
    const first = await send(t, query, { slug: 'gh/acme/api', first: 2 });
    expect(first.status).toBe(200);
    const before = answered(t);
    const body = `{"query":${JSON.stringify(query)},"variables":{"first":2,"slug":"gh/acme/api"}}`;
    const reordered = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(await reordered.text()).toBe(first.text);
    expect(answered(t).hits).toBe(before.hits + 1);
    const other = await send(t, query, { slug: 'gh/acme/api', first: 3 });
    expect(numbers(other.text)).toHaveLength(3);
    expect(answered(t).hits).toBe(before.hits + 1);
  });

  it('goes upstream again once the shortest freshness it holds has passed', async () => {
    const query = `{ circleciProject(slug: "gh/acme/mobile") { name } }`;
    await send(t, query, {});
    now += 59_000;
    await t.clearRequests();
    await send(t, query, {});
    expect(await circleciCalls(t), 'still fresh').toEqual([]);
    now += 2_000;
    await send(t, query, {});
    expect(await circleciCalls(t)).toEqual(['GET /api/v2/project/gh/acme/mobile']);
  });

  it('never keeps an answer with errors, a no-store answer, a mutation or an x-cache-age answer', async () => {
    const origin = t.simulators.circleci.simulator.origin;
    const fault = async (body: object): Promise<void> => {
      await fetch(`${origin}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    };
    const stores = answered(t).stores;
    await fault({ path: '/project/gh/acme/broken', status: 500 });
    const failing = `{ circleciProject(slug: "gh/acme/broken") { name } }`;
    expect((await t.gql(failing)).errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_ERROR');
    await t.clearRequests();
    expect((await t.gql(failing)).errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_ERROR');
    expect(await circleciCalls(t)).toEqual(['GET /api/v2/project/gh/acme/broken']);

    // CircleCI's own answer for the project, sent again marked no-store.
    const project = await (await fetch(`${origin}/api/v2/project/gh/acme/web`, { headers: { 'circle-token': t.simulators.tokens.circleci ?? '' } })).json();
    await fault({ path: '/project/gh/acme/web$', status: 200, body: project, headers: { 'cache-control': 'no-store' } });
    const noStore = `{ circleciProject(slug: "gh/acme/web") { name } }`;
    expect((await t.gql(noStore)).headers.get('cache-control')).toBe('no-store');
    await t.clearRequests();
    await t.gql(noStore);
    expect(await circleciCalls(t)).toEqual(['GET /api/v2/project/gh/acme/web']);

    const asked = await t.gql(`{ circleciProject(slug: "gh/acme/api") { name } }`, {}, { 'x-cache-age': '1' });
    expect(asked.extensions?.['cacheAge']).toBeDefined();
    ok(await t.gql(`mutation { circleciTriggerPipeline(input: { projectSlug: "gh/acme/api" }) { pipeline { number } } }`));
    expect(answered(t).stores).toBe(stores);
  });
});

describe('whole answers in Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis.stop();
  });
  const t = useTestGateway(() => ({ env: { ...cachedEnv, CIRCLECI_WEBHOOK_SECRET: secret, REDIS_URL: redis.url, CACHE_REDIS_TIMEOUT_MS: '2000' }, runDurationMs: 600_000 }));
  beforeAll(async () => {
    await expectRedisCache(t.gateway);
  });
  storeSuite(t);
});

describe('RESPONSE_CACHE_ENABLED=false', () => {
  const t = useTestGateway({ env: { ...cachedEnv, RESPONSE_CACHE_ENABLED: 'false' } });

  it('executes every operation, from cached upstream answers', async () => {
    expect(t.gateway.operationCache).toBeUndefined();
    await send(t, pipelinesQuery, { slug: 'gh/acme/api' });
    await t.clearRequests();
    const hits = t.gateway.cache.stats.snapshot().hits;
    await send(t, pipelinesQuery, { slug: 'gh/acme/api' });
    expect(await circleciCalls(t)).toEqual([]);
    expect(t.gateway.cache.stats.snapshot().hits).toBeGreaterThan(hits);
  });
});

describe('whole answers with client authentication on', () => {
  const apiKey = 'operation-cache-test-key-0001';
  const t = useTestGateway({ env: { ...cachedEnv, GATEWAY_API_KEYS: apiKey } });

  it('refuses a caller without a key even when an authenticated caller\'s answer is kept', async () => {
    const authenticated = await send(t, pipelinesQuery, { slug: 'gh/acme/api' }, { 'x-api-key': apiKey });
    expect(authenticated.status).toBe(200);
    expect((await send(t, pipelinesQuery, { slug: 'gh/acme/api' }, { 'x-api-key': apiKey })).text).toBe(authenticated.text);
    const anonymous = await send(t, pipelinesQuery, { slug: 'gh/acme/api' });
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrongKey = await send(t, pipelinesQuery, { slug: 'gh/acme/api' }, { 'x-api-key': 'operation-cache-test-key-9999' });
    expect(wrongKey.status).toBe(401);
  });
});

describe('whole answers over GET', () => {
  const t = useTestGateway({ env: { ...cachedEnv, CACHE_TTL_OBJECT_SECONDS: '60', CACHE_STALE_SECONDS: '0' }, runDurationMs: 600_000 });
  const preflight = { 'apollo-require-preflight': 'true' };
  const get = async (params: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> => {
    const response = await fetch(`${t.url}?${new URLSearchParams(params)}`, { headers });
    return { status: response.status, text: await response.text() };
  };
  const pipelinesOf = (slug: string): Record<string, string> => ({ query: pipelinesQuery, variables: JSON.stringify({ slug }) });

  it('answers a repeated GET from the cache, and a GET of an operation first sent by POST', async () => {
    const first = await get(pipelinesOf('gh/acme/api'), preflight);
    expect(first.status).toBe(200);
    await t.clearRequests();
    const before = answered(t);
    expect((await get(pipelinesOf('gh/acme/api'), preflight)).text).toBe(first.text);
    expect(await circleciCalls(t), 'no upstream call').toEqual([]);
    expect(answered(t).hits).toBe(before.hits + 1);

    const posted = await send(t, pipelinesQuery, { slug: 'gh/acme/web' });
    expect(posted.status).toBe(200);
    await t.clearRequests();
    expect((await get(pipelinesOf('gh/acme/web'), { 'content-type': 'application/json' })).text).toBe(posted.text);
    expect(await circleciCalls(t), 'no upstream call').toEqual([]);
  });

  it('never answers from the cache a GET that CSRF prevention refuses, and leaves malformed variables to Apollo Server', async () => {
    const kept = await send(t, pipelinesQuery, { slug: 'gh/acme/mobile' });
    expect((await send(t, pipelinesQuery, { slug: 'gh/acme/mobile' })).text).toBe(kept.text);
    const before = answered(t);
    for (const headers of [{}, { 'content-type': 'text/plain' }, { 'apollo-require-preflight': '' }]) {
      const refused = await get(pipelinesOf('gh/acme/mobile'), headers);
      expect(refused.status, JSON.stringify(headers)).toBe(400);
      expect(refused.text).toContain('Cross-Site Request Forgery');
    }
    expect(answered(t), 'not even looked up').toEqual(before);

    const malformed = await get({ query: pipelinesQuery, variables: '{"slug": ' }, preflight);
    expect(malformed.status).toBe(400);
    expect(answered(t)).toEqual(before);
  });
});
