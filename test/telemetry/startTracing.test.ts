import { Writable } from 'node:stream';
import { trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/server/logger.js';
import { spans } from '../../src/telemetry/spans.js';
import { startTracing } from '../../src/telemetry/startTracing.js';

describe('tracing with no OTLP endpoint set', () => {
  it('starts no SDK: spans stay off, the API keeps its no-op tracer and log lines carry no trace id', async () => {
    const { tracing } = loadConfig({});
    expect(tracing.enabled).toBe(false);
    expect(await startTracing(tracing)).toBeUndefined();
    expect(spans.enabled).toBe(false);
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
    let seen = 0;
    const work = await spans.run('never', () => ({}), async (span) => {
      seen += 1;
      return span;
    });
    expect([work, seen]).toEqual([undefined, 1]);

    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) }));
    await trace.getTracer('probe').startActiveSpan('outer', async (span) => {
      logger.info('inside a span');
      span.end();
    });
    expect(JSON.parse(lines[0] ?? '{}')).not.toHaveProperty('traceId');
  });
});

describe('the tracing settings', () => {
  it('turn tracing on with an OTLP endpoint, off again with OTEL_SDK_DISABLED, and refuse what the exporter cannot use', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }).tracing).toEqual({
      enabled: true,
      endpoint: 'http://127.0.0.1:4318',
      protocol: 'http/protobuf',
      serviceName: 'switchyard',
    });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_SERVICE_NAME: 'edge' }).tracing).toEqual({
      enabled: true,
      endpoint: 'http://127.0.0.1:4318/v1/traces',
      protocol: 'http/json',
      serviceName: 'edge',
    });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' }).tracing.enabled).toBe(false);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow('OTEL_EXPORTER_OTLP_ENDPOINT');
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'thrift' })).toThrow('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL');
  });
});
