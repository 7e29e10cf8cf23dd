import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import { headerOf } from '../http/headerOf.js';
import type { Config } from '../config/config.js';
import type { ServiceName } from '../config/ServiceName.js';
import type { ClientAuth } from './auth/ClientAuth.js';
import { clientCredentials } from './clientAccess.js';
import type { GatewayContext } from '../context/GatewayContext.js';
import { createLoaders } from '../upstreams/Loaders.js';
import { CallBudget } from '../upstreams/http/CallBudget.js';
import type { Upstreams } from '../upstreams/Upstreams.js';
import { CacheTracker } from '../cache/CacheTracker.js';
import type { ResponseCache } from '../cache/ResponseCache.js';

/** A safe request id: the client's `x-request-id` when it is short and plain, else a new one. */
export function requestIdOf(sent: string | undefined): string {
  return sent !== undefined && /^[\w.:-]{1,128}$/.test(sent) ? sent : randomUUID();
}

/** The service credentials one HTTP request may use; rejects as {@link clientCredentials} throws. */
export function requestCredentials(config: Config, auth: ClientAuth, headers: IncomingHttpHeaders): Promise<Partial<Record<ServiceName, string>>> {
  return clientCredentials(config, auth, (name) => headerOf(headers, name), 'header');
}

/**
 * Creates one operation's context from its HTTP headers; throws
 * UNAUTHENTICATED (401) for credentials that cannot be used (see
 * {@link clientCredentials}). `resolved` is the request's
 * {@link requestCredentials} when they were resolved already.
 */
export async function createContext(
  config: Config,
  upstreams: Upstreams,
  headers: IncomingHttpHeaders,
  auth: ClientAuth,
  cache?: ResponseCache,
  resolved?: Promise<Partial<Record<ServiceName, string>>>,
): Promise<GatewayContext> {
  const requestId = requestIdOf(headerOf(headers, 'x-request-id'));
  const credentials = await (resolved ?? requestCredentials(config, auth, headers));
  const cacheTracker = cache === undefined ? undefined : new CacheTracker();
  const sessionCache = cache === undefined || cacheTracker === undefined ? undefined : { cache, tracker: cacheTracker };
  return {
    requestId,
    loaders: createLoaders(upstreams, credentials, requestId, sessionCache, new CallBudget(config.limits.operationMaxUpstreamCalls)),
    partialErrors: [],
    configuredServices: upstreams.configured,
    cacheTracker,
  };
}
