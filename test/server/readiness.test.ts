import { afterAll, describe, expect, it } from 'vitest';
import { readinessAnswer, ReadinessCheck } from '../../src/server/health.js';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.js';
import { startTestGateway, type TestGateway } from '../helpers/startTestGateway.js';

let t: TestGateway | undefined;
let redis: RedisServer | undefined;
afterAll(async () => {
  await t?.close();
  await redis?.stop();
});

async function readyz(gateway: TestGateway): Promise<{ status: number; body: { status: string; reasons: string[] } }> {
  const response = await fetch(new URL('/readyz', gateway.url));
  return { status: response.status, body: (await response.json()) as { status: string; reasons: string[] } };
}

/** The `gateway_readiness` gauge by state, from `/metrics`. */
async function readinessMetric(gateway: TestGateway): Promise<Record<string, number>> {
  const text = await (await fetch(new URL('/metrics', gateway.url))).text();
  const values: Record<string, number> = {};
  for (const match of text.matchAll(/^gateway_readiness\{state="([^"]+)"\} (\d+)$/gm)) values[match[1] as string] = Number(match[2]);
  return values;
}

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

describe('GET /healthz and /readyz', () => {
  it('is alive and ready without Redis when REDIS_URL is not set', async () => {
    const gateway = await startTestGateway();
    try {
      expect((await fetch(new URL('/healthz', gateway.url))).status).toBe(200);
      expect(await readyz(gateway)).toEqual({ status: 200, body: { status: 'ready', reasons: [] } });
    } finally {
      await gateway.close();
    }
  });

  it('stays ready while Redis is down, saying degraded in its body and in /metrics, and serves queries', async () => {
    redis = await startRedisServer();
    t = await startTestGateway({ env: { REDIS_URL: redis.url, CACHE_ENABLED: 'true' } });
    expect(await readyz(t)).toEqual({ status: 200, body: { status: 'ready', reasons: [] } });
    expect(await readinessMetric(t)).toEqual({ ready: 1, degraded: 0, 'not ready': 0 });

    await redis.stop();
    const down = await eventually(() => readyz(t as TestGateway), (r) => r.body.status === 'degraded');
    // Still in the load balancer: every query works without Redis.
    expect(down.status).toBe(200);
    expect(down.body.reasons).toHaveLength(1);
    expect(down.body.reasons[0]).toMatch(/^redis: /);
    expect(await readinessMetric(t)).toEqual({ ready: 0, degraded: 1, 'not ready': 0 });
    const query = await t.gql('{ circleciProject(slug: "gh/acme/api") { name } }');
    expect(query.errors).toBeUndefined();
    expect(query.data).toEqual({ circleciProject: { name: 'api' } });
    expect((await fetch(new URL('/healthz', t.url))).status).toBe(200);

    await redis.start();
    const up = await eventually(() => readyz(t as TestGateway), (r) => r.body.status === 'ready');
    expect(up).toEqual({ status: 200, body: { status: 'ready', reasons: [] } });
  }, 60_000);

  it('answers degraded within about a second when REDIS_URL points at nothing', async () => {
    const gateway = await startTestGateway({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const started = Date.now();
      const state = await readyz(gateway);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(state.status).toBe(200);
      expect(state.body.status).toBe('degraded');
      expect(state.body.reasons[0]).toMatch(/^redis: /);
    } finally {
      await gateway.close();
    }
  });

  it('is not ready once shutdown has begun, so load balancers stop sending work', async () => {
    const check = new ReadinessCheck(undefined);
    expect(await check.check()).toEqual({ ready: true, reasons: [] });
    check.markDraining();
    expect(await check.check()).toEqual({ ready: false, reasons: ['shutting down'] });
    expect(readinessAnswer(await check.check())).toEqual({ status: 503, body: { status: 'not ready', reasons: ['shutting down'] } });
  });
});
