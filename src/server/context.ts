import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config/config.js';
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

/**
 * Creates one operation's context from its HTTP headers; throws
 * UNAUTHENTICATED (401) for credentials that cannot be used (see
 * {@link clientCredentials}).
 */
export async function createContext(
  config: Config,
  upstreams: Upstreams,
  headers: IncomingHttpHeaders,
  auth: ClientAuth,
  cache?: ResponseCache,
): Promise<GatewayContext> {
  const read = (name: string): string | undefined => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const requestId = requestIdOf(read('x-request-id'));
  const credentials = await clientCredentials(config, auth, read, 'header');
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
