import type { ServiceName } from '../../config/ServiceName.js';
import type { UsedEntry } from '../../cache/CacheTracker.js';
import { GatewayError } from '../../errors/GatewayError.js';
import { spans } from '../../telemetry/spans.js';
import type { HttpMethod, UpstreamResponse } from './types.js';

/** What a traced call learns on its way: where the response cache found its answer. */
export interface UpstreamCallTrace {
  source: UsedEntry['source'] | undefined;
}

/**
 * Runs one upstream operation call (a GET through the response cache, or a
 * write) in a span named `GET /project/{project-slug}`: the service
 * (`peer.service`), the operation's path template (`url.template`), method,
 * status, bytes received and whether the answer came from the cache. The
 * cache lookup and the HTTP request, when one is sent, are its children.
 * With tracing off, `call` runs with no trace.
 */
export function traceUpstreamCall<T>(
  service: ServiceName,
  method: HttpMethod,
  route: string,
  call: (trace: UpstreamCallTrace | undefined) => Promise<UpstreamResponse<T>>,
): Promise<UpstreamResponse<T>> {
  if (!spans.enabled) return call(undefined);
  const attributes = () => ({ 'peer.service': service, 'http.request.method': method, 'url.template': route });
  return spans.run(`${method} ${route}`, attributes, async (span) => {
    const trace: UpstreamCallTrace = { source: undefined };
    try {
      const response = await call(trace);
      span?.setAttributes({
        'http.response.status_code': response.status,
        'switchyard.cache.hit': trace.source === 'cache' || trace.source === 'stale',
        ...(trace.source === undefined ? {} : { 'switchyard.cache.source': trace.source }),
        ...(response.bytes === undefined ? {} : { 'http.response.body.size': response.bytes }),
      });
      return response;
    } catch (error) {
      span?.setAttribute('switchyard.cache.hit', false);
      if (error instanceof GatewayError && error.status !== undefined) span?.setAttribute('http.response.status_code', error.status);
      throw error;
    }
  });
}
