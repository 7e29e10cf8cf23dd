import type { ServiceName } from '../config/ServiceName.js';
import type { CacheTracker } from '../cache/CacheTracker.js';
import type { PartialError } from '../errors/PartialError.js';
import type { Loaders } from '../upstreams/Loaders.js';

/**
 * What every resolver receives: made per HTTP operation by the transport
 * (`server/context.ts`) and per subscription by `subscriptions/LiveContext.ts`.
 */
export interface GatewayContext {
  readonly requestId: string;
  /** Per-request data access for each service. */
  readonly loaders: Loaders;
  /** Errors to report beside data that still stands (see partialErrorsPlugin). */
  readonly partialErrors: PartialError[];
  /** The services this gateway is configured to reach. */
  readonly configuredServices: ReadonlySet<ServiceName>;
  /** What the operation read through the response cache, for its `Cache-Control`. */
  readonly cacheTracker?: CacheTracker | undefined;
}
