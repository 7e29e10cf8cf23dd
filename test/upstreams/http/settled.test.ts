import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../../helpers/useTestGateway.js';

// The project and its pipeline list are asked for together; when the project fails, the answer is sent
// while the list's call is still on its way, and that call's answer can still set a guard.
const projectWithPipelines = `{ circleciProject(slug: "gh/acme/api") { name pipelines(first: 2) { edges { node { number } } } } }`;
const limited = { status: 429, headers: { 'retry-after': '30' } } as const;

describe('upstream calls left in flight by an answer', () => {
  const t = useTestGateway({ reset: ['requests', 'faults', 'cache'] });

  async function answerWithACallLeftInFlight(): Promise<void> {
    await t.fault('circleci', { path: '/project/gh/acme/api$', ...limited });
    await t.fault('circleci', { path: '/project/gh/acme/api/pipeline', latencyMs: 400, ...limited });
    const answer = await t.gql(projectWithPipelines);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', service: 'circleci' });
    await t.clearFaults();
  }

  it('settled() waits for them, so guards reset after it stay reset', async () => {
    await answerWithACallLeftInFlight();
    await t.gateway.upstreams.settled(3_000);
    await t.gateway.upstreams.resetGuards();
    expect((await t.gql('{ circleciProject(slug: "gh/acme/api") { name } }')).errors).toBeUndefined();
  });

  it('without it, the late answer sets its wait again after the reset (what settled() is for)', async () => {
    await t.gateway.upstreams.settled(3_000);
    await t.gateway.upstreams.resetGuards();
    await answerWithACallLeftInFlight();
    await t.gateway.upstreams.resetGuards();
    await t.gateway.upstreams.settled(3_000);
    expect((await t.gql('{ circleciProject(slug: "gh/acme/api") { name } }')).errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    await t.gateway.upstreams.resetGuards();
  });

  it('settled() resolves at once with nothing in flight, and at its bound with a call still running', async () => {
    // Nothing in flight: a bound of a minute would fail the test by its own time-out if it were waited.
    await t.gateway.upstreams.settled(60_000);
    await t.fault('circleci', { path: '/project/gh/acme/api$', latencyMs: 1_500 });
    let answered = false;
    const slow = t.gql('{ circleciProject(slug: "gh/acme/api") { name } }').then(() => {
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await t.gateway.upstreams.settled(200);
    expect(answered).toBe(false);
    await slow;
    expect(answered).toBe(true);
  });
});
