import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config/config.js';
import { serviceSettings } from '../config/config.js';
import { serviceLabels, serviceNames, type ServiceName } from '../config/ServiceName.js';
import { GatewayError } from '../errors/GatewayError.js';
import { credentialProblem } from './credentialValue.js';
import { createLoaders, type Loaders } from '../upstreams/Loaders.js';
import { CallBudget } from '../upstreams/http/CallBudget.js';
import type { Upstreams } from '../upstreams/Upstreams.js';
import type { PartialError } from './partialErrors.js';
import { CacheTracker } from '../cache/CacheTracker.js';
import type { ResponseCache } from '../cache/ResponseCache.js';

/** The HTTP answer of a request refused for its credentials. */
const unauthorized = { status: 401, headers: { 'www-authenticate': 'Bearer' } } as const;

/** What every resolver receives. */
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

/** Where a client's credentials come from, for messages: HTTP headers, or the WebSocket connection_init payload. */
export type CredentialSource = 'header' | 'connection parameter';

/**
 * The credentials of one request: the client's header wins over the
 * configured token. A value that cannot be a credential (a line break, a
 * control character, anything but printable ASCII, absurd length) refuses
 * the request as UNAUTHENTICATED naming the header, before any upstream call.
 */
export function credentialsOf(
  config: Config,
  read: (header: string) => string | undefined,
  source: CredentialSource = 'header',
): Partial<Record<ServiceName, string>> {
  const credentials: Partial<Record<ServiceName, string>> = {};
  for (const service of serviceNames) {
    const { header } = serviceSettings[service];
    const sent = read(header)?.trim();
    const problem = sent === undefined ? undefined : credentialProblem(sent);
    if (problem !== undefined) {
      throw new GatewayError('UNAUTHENTICATED', `The ${header} ${source} ${problem}, so it cannot be a ${serviceLabels[service]} credential`, {
        service,
        http: unauthorized,
      });
    }
    const token = sent !== undefined && sent !== '' ? sent : config.services[service]?.token;
    if (token !== undefined) credentials[service] = token;
  }
  return credentials;
}

/** A safe request id: the client's `x-request-id` when it is short and plain, else a new one. */
export function requestIdOf(sent: string | undefined): string {
  return sent !== undefined && /^[\w.:-]{1,128}$/.test(sent) ? sent : randomUUID();
}

/** Creates one operation's context from its HTTP headers. */
export function createContext(config: Config, upstreams: Upstreams, headers: IncomingHttpHeaders, cache?: ResponseCache): GatewayContext {
  const read = (name: string): string | undefined => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const requestId = requestIdOf(read('x-request-id'));
  const cacheTracker = cache === undefined ? undefined : new CacheTracker();
  const sessionCache = cache === undefined || cacheTracker === undefined ? undefined : { cache, tracker: cacheTracker };
  return {
    requestId,
    loaders: createLoaders(upstreams, credentialsOf(config, read), requestId, sessionCache, new CallBudget(config.limits.operationMaxUpstreamCalls)),
    partialErrors: [],
    configuredServices: upstreams.configured,
    cacheTracker,
  };
}
