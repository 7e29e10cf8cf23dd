import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/logger.js';
import { startTestGateway, type TestGateway } from '../helpers/startTestGateway.js';

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.simulators.close();
  t = undefined;
});

async function slowUpstream(gateway: TestGateway, latencyMs: number): Promise<void> {
  const origin = gateway.simulators.byService.circleci?.origin ?? '';
  await fetch(`${origin}/__sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: '/project/gh/acme/api$', latencyMs, times: 1 }),
  });
}

async function inFlight(gateway: TestGateway): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if ((await gateway.requests('circleci')).length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the request never reached the simulator');
}

const query = '{ circleciProject(slug: "gh/acme/api") { name } }';

describe('gateway.stop()', () => {
  it('runs draining hooks at once, drained hooks only after in-flight requests end', async () => {
    // The failing hook is logged as an error; keep it out of the test output.
    const gateway = await startTestGateway({ logger: createLogger('silent') });
    t = gateway;
    const events: string[] = [];
    gateway.gateway.onShutdown(() => {
      events.push('draining');
    });
    gateway.gateway.onShutdown(() => {
      events.push('drained');
    }, 'drained');
    gateway.gateway.onShutdown(() => {
      throw new Error('a failing hook');
    });
    await slowUpstream(gateway, 600);
    const pending = gateway.gql(query).then((response) => {
      events.push('answered');
      return response;
    });
    await inFlight(gateway);
    const stopped = gateway.gateway.stop(5_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual(['draining']);
    const response = await pending;
    await stopped;
    expect(response.data).toEqual({ circleciProject: { name: 'api' } });
    expect(events).toEqual(['draining', 'answered', 'drained']);
  });

  it('closes connections still busy when the grace period ends', async () => {
    const gateway = await startTestGateway();
    t = gateway;
    await slowUpstream(gateway, 3_000);
    const pending = gateway.gql(query).then(
      () => 'answered',
      () => 'cut off',
    );
    await inFlight(gateway);
    const started = Date.now();
    await gateway.gateway.stop(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await pending).toBe('cut off');
  });
});
