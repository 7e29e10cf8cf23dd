import { register } from 'node:module';
import type { IncomingMessage } from 'node:http';
import type { TracingSettings } from '../config/tracingSettings.js';
import { spans } from './spans.js';

/** Started tracing: flush and stop it on shutdown. */
export interface Tracing {
  /** Exports the spans still buffered, then stops the SDK. */
  shutdown(): Promise<void>;
}

// Incoming requests worth a server span: GraphQL and webhooks, not health probes, metrics,
// explorer assets or, in demo mode, the simulators running in the same process.
const tracedPaths = /^\/(graphql|webhooks\/)/;

/**
 * Starts the OpenTelemetry SDK when tracing is configured: the OTLP trace
 * exporter the standard `OTEL_*` settings describe, W3C trace context, the
 * HTTP server instrumentation (a span per GraphQL or webhook request, its
 * `traceparent` taken from the client) and the undici instrumentation (a
 * span per upstream call, `traceparent` sent with it). Must run before the
 * gateway's modules are loaded: `node:http` is patched as it is imported.
 * Returns undefined, having loaded nothing, when tracing is off.
 */
export async function startTracing(settings: TracingSettings): Promise<Tracing | undefined> {
  if (!settings.enabled) return undefined;
  const { createAddHookMessageChannel } = await import('import-in-the-middle');
  // Only the modules an instrumentation asks for are wrapped on import, not every module.
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);
  const [{ NodeSDK }, { HttpInstrumentation }, { UndiciInstrumentation }] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-undici'),
  ]);
  const sdk = new NodeSDK({
    serviceName: settings.serviceName,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => !tracedPaths.test(req.url ?? ''),
        // The traced routes are fixed paths (`/graphql`, `/webhooks/gitlab`): the path is the route.
        requestHook: (span, request) => {
          if (!('url' in request) || request.url === undefined) return;
          const route = request.url.split('?')[0] ?? '';
          span.setAttribute('http.route', route);
          span.updateName(`${request.method ?? 'GET'} ${route}`);
        },
      }),
      new UndiciInstrumentation(),
    ],
    // Traces only: metrics are served at /metrics and logs go to stdout.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  await waitForAllMessagesAcknowledged();
  spans.enable();
  return { shutdown: () => sdk.shutdown() };
}
