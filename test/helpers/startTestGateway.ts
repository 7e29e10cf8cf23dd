import type { ServiceName } from '../../src/config/ServiceName.js';
import { loadConfig, serviceSettings } from '../../src/config/config.js';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/server/createGateway.js';
import type { Logger } from '../../src/server/logger.js';
import type { Fault, LoggedRequest } from '../../src/simulators/core/Simulator.js';
import { startSimulators, type RunningSimulators } from '../../src/simulators/startSimulators.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly data?: T | null;
  readonly errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
  readonly extensions?: Record<string, unknown>;
}

export interface TestGateway {
  readonly gateway: Gateway;
  readonly simulators: RunningSimulators;
  readonly url: string;
  /** Sends one operation; `headers` add to (or override) the defaults. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** What a simulator logged, fetched over its `/__sim/requests` endpoint. */
  requests(service: ServiceName): Promise<LoggedRequest[]>;
  /** Clears every simulator's request log. */
  clearRequests(): Promise<void>;
  /** Injects a fault into one service's simulator (through its `/__sim/faults` endpoint). */
  fault(service: ServiceName, fault: Fault): Promise<void>;
  /** Removes every fault injected into any simulator. */
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  /** Extra environment settings for the gateway. */
  readonly env?: Record<string, string>;
  /** Send the simulators' tokens as configured tokens (default true). */
  readonly configureTokens?: boolean;
  readonly runDurationMs?: number;
  /** Where the gateway logs; quiet (warn) on stdout by default. */
  readonly logger?: Logger;
  /** Extra gateway options (a logger, a clock). */
  readonly gateway?: Omit<GatewayOptions, 'config'>;
}

/**
 * Starts every simulator and a gateway pointed at them, all on loopback
 * ports chosen by the system.
 */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const simulators = await startSimulators({ runDurationMs: options.runDurationMs });
  // Tests count upstream calls and inject upstream faults per case: the response cache is off
  // unless a test turns it on (CACHE_ENABLED=true), as the cache's own tests do.
  // Quiet by default: every test gateway would warn that its configured tokens are open to any caller.
  const env: Record<string, string> = { UPSTREAM_TIMEOUT_MS: '2000', LOG_LEVEL: 'error', CACHE_ENABLED: 'false', ...options.env };
  for (const [service, url] of Object.entries(simulators.urls) as [ServiceName, string][]) {
    const { url: urlName, token: tokenName } = serviceSettings[service];
    env[urlName] ??= url;
    const token = simulators.tokens[service];
    if (options.configureTokens !== false && token !== undefined) env[tokenName] ??= token;
  }
  const config = loadConfig(env);
  const gateway = await createGateway({ ...options.gateway, ...(options.logger === undefined ? {} : { logger: options.logger }), config });
  const url = await gateway.listen(0, '127.0.0.1');
  const origin = (service: ServiceName): string => {
    const simulator = simulators.byService[service];
    if (simulator === undefined) throw new Error(`No ${service} simulator`);
    return simulator.origin;
  };
  return {
    gateway,
    simulators,
    url,
    async gql(query, variables, headers) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as object;
      return { status: response.status, headers: response.headers, ...body } as never;
    },
    async requests(service) {
      return (await (await fetch(`${origin(service)}/__sim/requests`)).json()) as LoggedRequest[];
    },
    async clearRequests() {
      await Promise.all(Object.values(simulators.byService).map((simulator) => fetch(`${simulator.origin}/__sim/requests`, { method: 'DELETE' })));
    },
    async fault(service, fault) {
      const response = await fetch(`${origin(service)}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
      if (response.status !== 201) throw new Error(`The ${service} simulator refused the fault: ${response.status}`);
    },
    async clearFaults() {
      await Promise.all(Object.values(simulators.byService).map((simulator) => fetch(`${simulator.origin}/__sim/faults`, { method: 'DELETE' })));
    },
    async close() {
      await gateway.stop();
      await simulators.close();
    },
  };
}
