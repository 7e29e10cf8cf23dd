import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from './startTestGateway.js';

/** What a test file's gateway puts back before each test. */
export type TestGatewayReset = 'requests' | 'faults' | 'cache' | 'guards';

/** How {@link useTestGateway} starts its gateway, and what it resets between tests. */
export interface UseTestGatewayOptions extends TestGatewayOptions {
  /**
   * Reset before each test: every simulator's request log, every injected
   * fault, the gateway's response cache, its circuits and credential waits
   * (`guards`). All four unless said.
   */
  readonly reset?: readonly TestGatewayReset[];
}

/**
 * Starts a test gateway (see {@link startTestGateway}) before the tests of
 * the file, or of the `describe` block it is called in, and closes it after
 * them; before each test it clears the simulators' request logs and faults,
 * the response cache, and closes the circuits and forgets the credential
 * waits a test's faults left (see `reset`). Returns the gateway, usable in tests
 * and hooks once started. `options` may be a function, called when the
 * gateway starts, when they depend on something started before it.
 *
 * Hooks run as a stack: those registered before this call run before the
 * gateway starts and after it closes; those registered after it run once it
 * has started, and end before it closes.
 */
export function useTestGateway(options: UseTestGatewayOptions | (() => UseTestGatewayOptions) = {}): TestGateway {
  let started: TestGateway | undefined;
  let reset: readonly TestGatewayReset[] = [];
  const current = (): TestGateway => {
    if (started === undefined) throw new Error('The test gateway starts in beforeAll: use it in tests and hooks');
    return started;
  };
  beforeAll(async () => {
    const { reset: resets = ['requests', 'faults', 'cache', 'guards'], ...start } = typeof options === 'function' ? options() : options;
    reset = resets;
    started = await startTestGateway(start);
  });
  afterAll(async () => {
    await started?.close();
  });
  beforeEach(async () => {
    const t = current();
    await Promise.all([
      reset.includes('requests') ? t.clearRequests() : undefined,
      reset.includes('faults') ? t.clearFaults() : undefined,
      reset.includes('cache') ? t.gateway.cache.clear() : undefined,
      // A call the last test left in flight (a list started beside a project that then failed) may still set a guard.
      reset.includes('guards') ? t.gateway.upstreams.settled(3_000).then(() => t.gateway.upstreams.resetGuards()) : undefined,
    ]);
  });
  return {
    get gateway() {
      return current().gateway;
    },
    get simulators() {
      return current().simulators;
    },
    get url() {
      return current().url;
    },
    gql: (query, variables, headers) => current().gql(query, variables, headers),
    requests: (service) => current().requests(service),
    clearRequests: () => current().clearRequests(),
    fault: (service, fault) => current().fault(service, fault),
    clearFaults: () => current().clearFaults(),
    close: () => current().close(),
  };
}
