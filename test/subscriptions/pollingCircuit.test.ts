import { describe, expect, it } from 'vitest';
import { subscribe, waitFor, workflowSubscription } from './liveHelpers.js';
import { useLiveGateway } from './useLiveGateway.js';

// One failed call among the polls' many successes opens CircleCI's circuit, for 3 s.
const live = useLiveGateway({
  env: {
    SUBSCRIPTION_POLL_INTERVAL_MS: '100',
    SUBSCRIPTION_POLL_LEASE_MS: '6000',
    CIRCUIT_BREAKER_MIN_CALLS: '1',
    CIRCUIT_BREAKER_FAILURE_RATE: '1',
    CIRCUIT_BREAKER_RESET_MS: '3000',
  },
});
const { t } = live;

describe('polling while a circuit is open', () => {
  it("waits for the open circuit's retryAfter instead of asking again and again", async () => {
    const store = t.simulators.circleci.store;
    const pipeline = store.addPipeline('gh/acme/mobile', 900, Date.now(), { branch: 'main', actor: 'grace', triggerType: 'api' });
    store.runDurationMs = 600_000;
    store.addWorkflow(pipeline, 'build-and-test', 'running', Date.now());
    const polls = async (): Promise<number> => (await t.requests('circleci')).filter((request) => request.path === `/api/v2/pipeline/${pipeline.id}/workflow`).length;

    const sub = subscribe(live.client({ 'x-circleci-token': 'circleci-token-grace' }), workflowSubscription, { pipelineId: pipeline.id });
    await waitFor(async () => (await polls()) >= 1, 'a first poll');
    await waitFor(() => sub.results.length >= 1, 'the running status');
    const circleci = (): { circuit: string; circuitRejections: number } => t.gateway.upstreams.guardStates().find((state) => state.service === 'circleci') ?? { circuit: '', circuitRejections: -1 };
    const rejectedBefore = circleci().circuitRejections;
    // The next poll fails and opens the circuit.
    await t.fault('circleci', { path: `/pipeline/${pipeline.id}/workflow$`, status: 500, times: 1 });
    const before = await polls();
    await waitFor(() => circleci().circuit === 'open', 'the circuit opens', 5_000);
    await waitFor(async () => (await polls()) >= before + 2, 'a poll after the circuit closes', 10_000);
    // Refused once at most (the poll 200 ms after the failure): then it waited out the retryAfter of 3 s, where
    // doubling its wait after each failure would have asked again after 400, 800 and 1,600 ms.
    expect(circleci().circuitRejections - rejectedBefore).toBeLessThanOrEqual(1);
    // Its probes close the circuit again.
    await waitFor(() => circleci().circuit === 'closed', 'the circuit closes', 5_000);
    sub.stop();
  });
});
