import type { ServiceName } from '../../config/ServiceName.js';
import { GatewayError } from '../../errors/GatewayError.js';

/**
 * The upstream calls one operation may make, shared by its sessions with
 * every service: a backstop behind the estimate checked before execution,
 * for whatever the estimate did not foresee.
 */
export class CallBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  /** Calls counted so far. */
  get count(): number {
    return this.used;
  }

  /** Counts one call about to be made; throws QUERY_TOO_COMPLEX once the operation is past its limit. */
  take(service: ServiceName): void {
    this.used += 1;
    if (this.used > this.limit) {
      throw new GatewayError('QUERY_TOO_COMPLEX', `This operation needs more than ${this.limit} upstream calls (OPERATION_MAX_UPSTREAM_CALLS): ask for fewer items`, {
        service,
        extensions: { measure: 'upstreamCalls', limit: this.limit },
      });
    }
  }
}
