import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

async function scrape(): Promise<{ contentType: string | null; text: string }> {
  const response = await fetch(new URL('/metrics', t.url));
  expect(response.status).toBe(200);
  return { contentType: response.headers.get('content-type'), text: await response.text() };
}

/** The value of one sample line, by its exact name and labels. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('counts operations by name, type and outcome, and upstream calls by route template', async () => {
    const ok = await t.gql('query ProjectName { circleciProject(slug: "gh/acme/api") { name } }');
    expect(ok.errors).toBeUndefined();
    const denied = await t.gql('query ProjectName { circleciProject(slug: "gh/acme/api") { name } }', undefined, {
      'x-circleci-token': 'not-a-token',
    });
    expect(denied.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    const { contentType, text } = await scrape();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(text, 'graphql_operations_total{operation="ProjectName",type="query",outcome="success"}')).toBe(1);
    expect(sample(text, 'graphql_operations_total{operation="ProjectName",type="query",outcome="error"}')).toBe(1);
    expect(sample(text, 'graphql_operation_duration_seconds_count{operation="ProjectName",type="query",outcome="success"}')).toBe(1);
    expect(sample(text, 'upstream_requests_total{service="circleci",route="GET /project/{project-slug}",status="200"}')).toBe(1);
    expect(sample(text, 'upstream_requests_total{service="circleci",route="GET /project/{project-slug}",status="401"}')).toBe(1);
    expect(sample(text, 'upstream_request_duration_seconds_count{service="circleci",route="GET /project/{project-slug}"}')).toBe(2);
    // Labels carry route templates, never the raw path with its ids.
    expect(text).not.toContain('gh/acme');
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  it('reports the values of registered metrics sources, summed', async () => {
    t.gateway.addMetricsSource({ read: () => ({ cacheHits: 7, cacheMisses: 3 }) });
    t.gateway.addMetricsSource({
      read: () => ({ cacheHits: 1, openSubscriptions: 4, webhookDeliveriesAccepted: 5, webhookDeliveriesRefused: 2 }),
    });
    const { text } = await scrape();
    expect(sample(text, 'cache_hits_total')).toBe(8);
    expect(sample(text, 'cache_misses_total')).toBe(3);
    expect(sample(text, 'graphql_subscriptions_open')).toBe(4);
    expect(sample(text, 'webhook_deliveries_total{outcome="accepted"}')).toBe(5);
    expect(sample(text, 'webhook_deliveries_total{outcome="refused"}')).toBe(2);
  });

  it('keeps client-chosen operation names from growing the label set without bound', async () => {
    await t.gql('{ __typename }');
    for (let batch = 0; batch < 210; batch += 30) {
      await Promise.all(Array.from({ length: 30 }, (_, i) => t.gql(`query Op${batch + i} { __typename }`)));
    }
    const { text } = await scrape();
    const names = new Set([...text.matchAll(/^graphql_operations_total\{operation="([^"]+)"/gm)].map((match) => match[1]));
    expect(names.size).toBeLessThanOrEqual(202);
    expect(names.has('anonymous')).toBe(true);
    expect(names.has('Op0')).toBe(true);
    expect(names.has('Op209')).toBe(false);
    expect(sample(text, 'graphql_operations_total{operation="other",type="query",outcome="success"}')).toBeGreaterThan(0);
  });
});
