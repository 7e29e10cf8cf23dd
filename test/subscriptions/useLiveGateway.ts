import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, expect } from 'vitest';
import type { TestGateway } from '../helpers/startTestGateway.js';
import { useTestGateway, type UseTestGatewayOptions } from '../helpers/useTestGateway.js';
import { expectNoLeftovers, resourceCounts, wsClient } from './liveHelpers.js';

/** A subscription test file's gateway, and graphql-ws clients to it. */
export interface LiveGateway {
  readonly t: TestGateway;
  /** A graphql-ws client sending `connectionParams` in connection_init; disposed after the tests. */
  client(connectionParams?: Record<string, string>): Client;
}

/**
 * {@link useTestGateway} for subscription tests. After the tests every
 * client is disposed and the gateway closes; then no socket, event stream,
 * poll (of a pipeline or a project) or bus listener of it may be open, and no timer, socket or server
 * beyond those open before it started.
 */
export function useLiveGateway(options: UseTestGatewayOptions): LiveGateway {
  const clients: Client[] = [];
  let baseline: Record<string, number> = {};
  beforeAll(() => {
    baseline = resourceCounts();
  });
  // Registered before the gateway's own hooks, so it runs once the gateway has closed.
  afterAll(async () => {
    expect(t.gateway.webSocketCount()).toBe(0);
    expect(t.gateway.live.streamCount()).toBe(0);
    expect(t.gateway.live.pollers.activePipelines()).toEqual([]);
    expect(t.gateway.live.projectPollers.activeTargets()).toEqual([]);
    expect(t.gateway.live.bus.listenerCount()).toBe(0);
    await expectNoLeftovers(baseline);
  });
  const t = useTestGateway(options);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
  });
  return {
    t,
    client(connectionParams = {}) {
      const made = wsClient(t.url, connectionParams);
      clients.push(made);
      return made;
    },
  };
}
