import type { ServiceName } from '../config/ServiceName.js';

/**
 * What a received event makes stale. The response cache implements this
 * (dropping entries whose upstream path is listed) and the gateway passes it
 * to the live hub; without a cache the no-op below is used.
 */
export interface Invalidator {
  /** Drops cached answers of these upstream paths (the service's own REST paths, e.g. `/workflow/abc`). */
  invalidate(service: ServiceName, paths: readonly string[]): void | Promise<void>;
}

/** The default: nothing is cached, so nothing to drop. */
export const noopInvalidator: Invalidator = { invalidate: () => undefined };
