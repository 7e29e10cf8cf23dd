import type { Config } from '../config/config.js';
import { serviceNames, type ServiceName } from '../config/ServiceName.js';
import { UpstreamHttp } from './http/UpstreamHttp.js';
import type { ServiceProtocol, UpstreamObserver } from './http/types.js';
import { protocols } from './protocols.js';

/**
 * The process-wide HTTP clients, one per configured service, each with its
 * own keep-alive pool. Built once at start; requests bind a credential to
 * them through sessions.
 */
export class Upstreams {
  private readonly clients: Partial<Record<ServiceName, UpstreamHttp>> = {};
  private readonly configuredServices: ReadonlySet<ServiceName>;

  constructor(readonly config: Config, observer?: UpstreamObserver, overrides: Partial<Record<ServiceName, ServiceProtocol>> = {}) {
    for (const service of serviceNames) {
      const serviceConfig = config.services[service];
      if (serviceConfig === undefined) continue;
      this.clients[service] = new UpstreamHttp({
        config: serviceConfig,
        protocol: overrides[service] ?? protocols[service],
        timeoutMs: config.upstreamTimeoutMs,
        maxResponseBytes: config.upstreamMaxResponseBytes,
        observer,
      });
    }
    this.configuredServices = new Set(Object.keys(this.clients) as ServiceName[]);
  }

  /** The services that have a client. */
  get configured(): ReadonlySet<ServiceName> {
    return this.configuredServices;
  }

  /**
   * What the answers of this gateway depend on beside credentials: where each
   * service is, and the Concord organizations its project list reads.
   */
  scope(): string {
    return JSON.stringify([serviceNames.map((service) => this.clients[service]?.baseHref ?? null), this.config.concordOrgs]);
  }

  /** The client of a service, or undefined when the service is not configured. */
  get(service: ServiceName): UpstreamHttp | undefined {
    return this.clients[service];
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.clients).map((client) => client.close()));
  }

  /** Closes every pool at once, failing calls still running. */
  async destroy(): Promise<void> {
    await Promise.all(Object.values(this.clients).map((client) => client.destroy()));
  }
}
