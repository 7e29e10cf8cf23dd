import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type HeadlessChromium } from '../helpers/chromium.js';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { recordRequests, run, setQuery, waitForGraphiQL, waitForText } from './explorerBrowser.js';

let chromium: HeadlessChromium;
let page: Page;
const webhookSecret = 'explorer-test-secret';

// Runs finish only when the test says so; the simulator then delivers a signed webhook.
const t = useTestGateway({ env: { CIRCLECI_WEBHOOK_SECRET: webhookSecret }, runDurationMs: 3_600_000 });
beforeAll(async () => {
  t.simulators.circleci.webhooks.target = { url: t.url.replace(/\/graphql$/, '/webhooks/circleci'), secret: webhookSecret };
  chromium = await launchChromium();
  page = await chromium.context.newPage();
}, 120_000);

afterAll(async () => {
  await chromium?.close();
});

describe('subscriptions in the explorer', () => {
  it('runs a subscription over graphql-ws to /graphql, with the header editor as connection params, and shows its events', async () => {
    const origin = new URL(t.url).origin;
    const requests = recordRequests(page);
    const sent: string[] = [];
    const socketUrls: string[] = [];
    page.on('websocket', (socket) => {
      socketUrls.push(socket.url());
      socket.on('framesent', (frame) => sent.push(String(frame.payload)));
    });
    await page.goto(`${origin}/`);
    await waitForGraphiQL(page);
    await setQuery(page, 'subscription { circleciPipelineStatusChanged(projectSlug: "gh/acme/api") { status } }');
    await run(page);

    const deadline = Date.now() + 10_000;
    while (!sent.some((frame) => frame.includes('"subscribe"')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(socketUrls).toEqual([`${origin.replace('http:', 'ws:')}/graphql`]);
    const init = JSON.parse(sent.find((frame) => frame.includes('"connection_init"')) ?? '{}') as { payload?: Record<string, string> };
    expect(init.payload).toMatchObject({ 'x-circleci-token': '', 'x-flexstack-key': '' });

    // A new pipeline on the upstream: its status changes as it runs.
    const simulator = t.simulators.byService.circleci?.origin ?? '';
    const triggered = await fetch(`${simulator}/api/v2/project/gh/acme/api/pipeline`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'circle-token': t.simulators.tokens.circleci ?? '' },
      body: JSON.stringify({ branch: 'main' }),
    });
    expect(triggered.status).toBe(201);
    const { id: pipelineId } = (await triggered.json()) as { id: string };
    const store = t.simulators.circleci.store;
    const running = store.workflows.filter((workflow) => workflow.pipelineId === pipelineId && workflow.status === 'running');
    expect(running.length).toBeGreaterThan(0);
    for (const workflow of running) workflow.finishesAt = Date.now();
    store.advance();
    await t.simulators.circleci.webhooks.flush();

    await waitForText(page, '.result-window', 'circleciPipelineStatusChanged', 30_000);
    expect(await page.textContent('.result-window')).toMatch(/"status"/);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/explorer-subscription.png', fullPage: true });
    expect(requests.offLoopback()).toEqual([]);
  }, 60_000);
});
