import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceName } from '../../src/config/ServiceName.js';
import type { LoggedRequest } from '../../src/simulators/core/Simulator.js';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gatewayProcess.js';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../helpers/otlpReceiver.js';

const dashboard = readFileSync(new URL('../../examples/dashboard.graphql', import.meta.url), 'utf8');
const serverKind = 2;
const clientKind = 3;

let receiver: OtlpReceiver;
let gateway: GatewayProcess | undefined;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  gateway = await startGatewayProcess({
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
    // Export within a tenth of a second rather than the SDK's default five.
    OTEL_BSP_SCHEDULE_DELAY: '100',
  });
}, 90_000);

afterAll(async () => {
  gateway?.kill();
  await receiver?.close();
});

/** A path template as a pattern over the logged path (which starts with the service's base path). */
function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^?]+');
  return new RegExp(`${escaped}$`);
}

async function requestLogs(running: GatewayProcess): Promise<{ service: ServiceName; request: LoggedRequest }[]> {
  const logs = await Promise.all(
    Object.entries(running.simulators).map(async ([service, url]) => {
      const requests = (await (await fetch(`${new URL(url).origin}/__sim/requests`)).json()) as LoggedRequest[];
      return requests.map((request) => ({ service: service as ServiceName, request }));
    }),
  );
  return logs.flat();
}


/** The gateway's log line of a request, once written (bounded: 5 s). */
async function logLineOf(running: GatewayProcess, requestId: string): Promise<Record<string, unknown> | undefined> {
  for (let i = 0; i < 50; i += 1) {
    const line = running.logLines.find((entry) => entry['requestId'] === requestId);
    if (line !== undefined) return line;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

describe('tracing, with OTEL_EXPORTER_OTLP_ENDPOINT set, in the gateway as `npm start` runs it', () => {
  it('makes one trace of a dashboard query, continuing the client\'s, whose upstream calls match the simulators\' logs one to one', async () => {
    const running = gateway as GatewayProcess;
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    await Promise.all(Object.values(running.simulators).map((url) => fetch(`${new URL(url).origin}/__sim/requests`, { method: 'DELETE' })));

    const response = await fetch(`${running.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${clientSpanId}-01`, 'x-request-id': 'traced-dashboard' },
      body: JSON.stringify({ query: dashboard }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const logged = await requestLogs(running);
    expect(logged.length).toBeGreaterThan(3);

    // The server span ends last; wait (bounded) until it and every HTTP call have been exported.
    const ofTrace = (): ReceivedSpan[] => receiver.spans.filter((span) => span.traceId === traceId);
    for (let i = 0; i < 100; i += 1) {
      const spans = ofTrace();
      if (spans.some((span) => span.kind === serverKind) && spans.filter((span) => span.kind === clientKind).length >= logged.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const spans = ofTrace();
    const byId = new Map(spans.map((span) => [span.spanId, span]));

    // One trace: the client's. Its root here is the HTTP server span, child of the client's span.
    const servers = spans.filter((span) => span.kind === serverKind);
    expect(servers).toHaveLength(1);
    const server = servers[0] as ReceivedSpan;
    expect(server.parentSpanId).toBe(clientSpanId);
    expect(server.name).toBe('POST /graphql');
    for (const span of spans) {
      if (span !== server) expect(byId.has(span.parentSpanId ?? ''), span.name).toBe(true);
    }

    const operations = spans.filter((span) => span.attributes['graphql.operation.type'] !== undefined);
    expect(operations.map((span) => [span.name, span.attributes['graphql.operation.name'], span.parentSpanId])).toEqual([['query Dashboard', 'Dashboard', server.spanId]]);
    expect(spans.some((span) => span.name.startsWith('loader '))).toBe(true);

    // Upstream calls: every request a simulator logged carries the traceparent of one HTTP client span,
    // whose parent is the upstream call span of that service and route; none is left over either way.
    const clients = spans.filter((span) => span.kind === clientKind);
    const upstreamCalls = spans.filter((span) => span.attributes['url.template'] !== undefined && span.name !== 'cache lookup');
    expect(clients).toHaveLength(logged.length);
    expect(upstreamCalls).toHaveLength(logged.length);
    const matched = new Set<string>();
    for (const { service, request } of logged) {
      const [, loggedTrace, parentId] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(request.traceparent ?? '') ?? [];
      expect(loggedTrace, `${request.method} ${request.path}`).toBe(traceId);
      const client = byId.get(parentId ?? '');
      expect(client?.kind).toBe(clientKind);
      const call = byId.get(client?.parentSpanId ?? '') as ReceivedSpan;
      // GitLab answers a ref without pipelines with 403, which the dashboard's latest pipeline reads as none; all else is 200.
      const none = service === 'gitlab' && request.path.endsWith('/pipelines/latest') && call.attributes['http.response.status_code'] === 403;
      expect(call.attributes).toMatchObject({ 'peer.service': service, 'http.request.method': request.method, 'http.response.status_code': none ? 403 : 200, 'switchyard.cache.hit': false });
      expect(request.path).toMatch(templatePattern(String(call.attributes['url.template'])));
      if (!none) expect(call.attributes['http.response.body.size']).toBeGreaterThan(0);
      matched.add(call.spanId);
    }
    expect(matched.size).toBe(upstreamCalls.length);

    // Demo mode caches: each call looked in the cache first and missed.
    const lookups = spans.filter((span) => span.name === 'cache lookup');
    expect(lookups.map((span) => span.attributes['switchyard.cache.result'])).toEqual(logged.map(() => 'miss'));

    // The operation's log line carries the trace id (log lines are written in batches at least every 100 ms).
    const line = await logLineOf(running, 'traced-dashboard');
    expect(line).toMatchObject({ msg: 'graphql operation', traceId });
  }, 60_000);

  it('traces an answer served whole from the cache as its operation, with no upstream call under it', async () => {
    const running = gateway as GatewayProcess;
    const query = `query Cached { circleciProject(slug: "gh/acme/api") { name } }`;
    const post = async (headers: Record<string, string>): Promise<Response> =>
      fetch(`${running.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    expect((await post({})).headers.get('cache-control')).toMatch(/^private, max-age=[1-9]/);

    const traceId = randomBytes(16).toString('hex');
    const served = await post({ traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`, 'x-request-id': 'traced-hit' });
    expect(await served.json()).toEqual({ data: { circleciProject: { name: 'api' } } });
    const ofTrace = (): ReceivedSpan[] => receiver.spans.filter((span) => span.traceId === traceId);
    for (let i = 0; i < 100 && !ofTrace().some((span) => span.kind === serverKind); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    const spans = ofTrace();
    const server = spans.find((span) => span.kind === serverKind);
    expect(spans.map((span) => span.name).sort()).toEqual(['POST /graphql', 'query Cached']);
    const operation = spans.find((span) => span.name === 'query Cached');
    expect(operation?.parentSpanId).toBe(server?.spanId);
    expect(operation?.attributes).toMatchObject({ 'switchyard.cache.answer': 'hit', 'switchyard.upstream_calls': 0, 'switchyard.request_id': 'traced-hit' });
    const line = await logLineOf(running, 'traced-hit');
    expect(line).toMatchObject({ msg: 'graphql operation', cached: true, traceId });
  }, 60_000);
});
