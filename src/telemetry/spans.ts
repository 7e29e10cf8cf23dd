import { SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

const tracer = trace.getTracer('switchyard');
let enabled = false;

/** Marks a span failed with the error that ended its work. */
function fail(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/**
 * The gateway's own spans (operation, loader batch, upstream call, cache
 * lookup). Until tracing is switched on at start, every helper runs its
 * work and nothing else: no span object, no attribute is built.
 */
export const spans = {
  /** Whether tracing was switched on at start. */
  get enabled(): boolean {
    return enabled;
  },

  /** Switches the gateway's spans on; called once the OpenTelemetry SDK is started. */
  enable(): void {
    enabled = true;
  },

  /**
   * Runs `work` inside a new active span (so spans and HTTP calls made by it
   * are its children) and ends it when the work settles; a failure marks the
   * span as an error. With tracing off, runs `work` with no span.
   */
  run<T>(name: string, attributes: () => Attributes, work: (span: Span | undefined) => Promise<T>): Promise<T> {
    if (!enabled) return work(undefined);
    return tracer.startActiveSpan(name, { kind: SpanKind.INTERNAL, attributes: attributes() }, async (span) => {
      try {
        return await work(span);
      } catch (error) {
        fail(span, error);
        throw error;
      } finally {
        span.end();
      }
    });
  },

  /** A span that is not made active: the caller ends it. Undefined with tracing off. */
  start(name: string, attributes: () => Attributes): Span | undefined {
    return enabled ? tracer.startSpan(name, { kind: SpanKind.INTERNAL, attributes: attributes() }) : undefined;
  },

  /** The trace and span id of the active span, for log lines; undefined when there is none. */
  current(): { traceId: string; spanId: string } | undefined {
    if (!enabled) return undefined;
    const context = trace.getActiveSpan()?.spanContext();
    return context === undefined || !trace.isSpanContextValid(context) ? undefined : { traceId: context.traceId, spanId: context.spanId };
  },

  /** The active span, to describe it further (the operation span, once Apollo has parsed the document). */
  active(): Span | undefined {
    return enabled ? trace.getActiveSpan() : undefined;
  },
};
