import { randomUUID } from 'node:crypto';
import type { ServiceName } from '../config/ServiceName.js';
import { GatewayError } from '../errors/GatewayError.js';
import type { GatewayContext } from '../context/GatewayContext.js';
import { createLoaders, type Loaders } from '../upstreams/Loaders.js';
import { CallBudget } from '../upstreams/http/CallBudget.js';
import type { Upstreams } from '../upstreams/Upstreams.js';
import type { LiveHub } from './LiveHub.js';

/**
 * A subscription's context: the subscriber's credentials (from the
 * connection_init payload, falling back to configured tokens), the hub, and
 * loaders that are renewed for each event, so no event is resolved from a
 * previous event's cached answers.
 */
export interface LiveContext extends GatewayContext {
  readonly live: LiveHub;
  readonly upstreams: Upstreams;
  readonly credentials: Readonly<Partial<Record<ServiceName, string>>>;
  /** Starts a fresh set of loaders for the next event. */
  renewLoaders(): void;
  /** Why this subscription may not start, if it may not. */
  readonly refusal: GatewayError | undefined;
}

/** Creates one subscription's context. */
export function createLiveContext(
  live: LiveHub,
  upstreams: Upstreams,
  credentials: Readonly<Partial<Record<ServiceName, string>>>,
  limits: { readonly overLimit?: number | undefined } = {},
): LiveContext {
  const requestId = randomUUID();
  // Each event is resolved with loaders, and an upstream call budget, of its own.
  const fresh = (): Loaders => createLoaders(upstreams, credentials, requestId, undefined, new CallBudget(upstreams.config.limits.operationMaxUpstreamCalls));
  let loaders: Loaders = fresh();
  return {
    requestId,
    live,
    upstreams,
    credentials,
    partialErrors: [],
    configuredServices: upstreams.configured,
    refusal:
      limits.overLimit === undefined ? undefined : new GatewayError('BAD_USER_INPUT', `At most ${limits.overLimit} subscriptions per connection`),
    get loaders() {
      return loaders;
    },
    renewLoaders() {
      loaders = fresh();
    },
  };
}

/** The live context of a subscription resolver; fails clearly anywhere else. */
export function liveContextOf(context: GatewayContext): LiveContext {
  if (!('live' in context)) throw new GatewayError('BAD_USER_INPUT', 'Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql');
  const live = context as LiveContext;
  if (live.refusal !== undefined) throw live.refusal;
  return live;
}
