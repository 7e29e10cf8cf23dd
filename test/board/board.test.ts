import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/relay/globalId.js';
import { launchChromium, type HeadlessChromium } from '../helpers/chromium.js';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gatewayProcess.js';
import { recordRequests } from '../explorer/explorerBrowser.js';

let chromium: HeadlessChromium;
let gateway: GatewayProcess;

beforeAll(async () => {
  // Demo mode, as `npm start` runs it, with quick polls so a change shows within the test's time, and
  // no cache, so that a fault injected for one page load is met by that load's query.
  [gateway, chromium] = await Promise.all([
    startGatewayProcess({ SUBSCRIPTION_POLL_INTERVAL_MS: '200', SUBSCRIPTION_POLL_IDLE_INTERVAL_MS: '300', CACHE_ENABLED: 'false' }),
    launchChromium(),
  ]);
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await gateway?.stop();
});

/** The little of the DOM the page functions below use (the test code itself is typed for Node). */
interface CardElement {
  readonly dataset: Record<string, string | undefined>;
  readonly textContent: string | null;
}
declare const document: { querySelector(selector: string): CardElement | null; querySelectorAll(selector: string): ArrayLike<CardElement> };
declare function getComputedStyle(element: CardElement): { readonly backgroundColor: string };

const cardSelector = (projectId: string): string => `.card[data-project-id="${projectId}"]`;

/** A card's run state and its computed background colour, as the browser shows them. */
async function cardLook(page: Page, projectId: string): Promise<{ runState: string | undefined; background: string }> {
  return page.evaluate((selector) => {
    const card = document.querySelector(selector);
    if (card === null) throw new Error(`no card ${selector}`);
    return { runState: card.dataset['runState'], background: getComputedStyle(card).backgroundColor };
  }, cardSelector(projectId));
}

/** Calls a demo simulator's run control. */
async function control(service: 'gitlab' | 'concord', path: string, body: unknown): Promise<void> {
  const response = await fetch(`${new URL(gateway.simulators[service]).origin}/__sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBeLessThan(300);
}

describe('the live board in a real browser, in demo mode', () => {
  it('shows a card per dashboard project coloured by run state, and recolours one when a simulator moves its pipeline', async () => {
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width: 1280, height: 560 });
    const requests = recordRequests(page);
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await page.goto(`${gateway.origin}/board`);
    const gitlabProject = toGlobalId('GitLabProject', 1);
    await page.waitForSelector(`${cardSelector(gitlabProject)}[data-run-state="RUNNING"]`, { timeout: 30_000 });
    // The dashboard's projects of every listing service, and the CircleCI project it names.
    const services = await page.evaluate(() => [...Array.from(document.querySelectorAll('.card'))].map((card) => card.dataset['service']));
    expect(new Set(services)).toEqual(new Set(['GITLAB', 'CONCORD', 'FLEXSTACK', 'CIRCLECI']));
    await page.waitForFunction(() => document.querySelector('.connection')?.dataset['state'] === 'live', undefined, { timeout: 30_000 });
    const before = await cardLook(page, gitlabProject);

    // The GitLab simulator's runner fails the project's running pipeline.
    const latest = await fetch(`${gateway.simulators.gitlab}/projects/1/pipelines/latest`, { headers: { 'private-token': 'demo-gitlab-token' } });
    const { id: pipelineId } = (await latest.json()) as { id: number };
    await control('gitlab', `pipelines/${pipelineId}/status`, { status: 'failed' });
    await page.waitForSelector(`${cardSelector(gitlabProject)}[data-run-state="FAILED"]`, { timeout: 30_000 });
    const after = await cardLook(page, gitlabProject);
    expect(before.runState).toBe('RUNNING');
    expect(after.runState).toBe('FAILED');
    expect(after.background).not.toBe(before.background);
    expect(await page.textContent(cardSelector(gitlabProject))).toContain('failed');

    // A Concord process starts on the first Concord card's project: that card turns PENDING, then RUNNING.
    const concordProject = toGlobalId('ConcordProject', 'Default/analytics');
    const started = await fetch(`${new URL(gateway.simulators.concord).origin}/__sim/projects/Default/analytics/processes`, { method: 'POST' });
    const { instanceId } = (await started.json()) as { instanceId: string };
    await page.waitForSelector(`${cardSelector(concordProject)}[data-run-state="PENDING"]`, { timeout: 30_000 });
    for (const status of ['PREPARING', 'ENQUEUED', 'STARTING', 'RUNNING']) await control('concord', `processes/${instanceId}/status`, { status });
    await page.waitForSelector(`${cardSelector(concordProject)}[data-run-state="RUNNING"]`, { timeout: 30_000 });

    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/board.png', fullPage: true });
    expect(sockets).toEqual([`${gateway.origin.replace('http:', 'ws:')}/graphql`]);
    expect(requests.offLoopback()).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows the services the dashboard query lost and the data it got stale, and marks those cards', async () => {
    // A gateway that caches upstream answers for a second, keeps them to answer in place of a failed read, and
    // keeps no whole answer: a reload then executes the dashboard query against the simulators again.
    const caching = await startGatewayProcess({
      ...['CACHE_TTL_RUN_FINISHED_SECONDS', 'CACHE_TTL_RUN_ACTIVE_SECONDS', 'CACHE_TTL_OBJECT_SECONDS', 'CACHE_TTL_LIST_SECONDS', 'CACHE_TTL_SETTINGS_SECONDS'].reduce((env, name) => ({ ...env, [name]: '1' }), {}),
      CACHE_STALE_SECONDS: '0',
      RESPONSE_CACHE_ENABLED: 'false',
    });
    try {
      const fault = (simulator: string, body: unknown): Promise<Response> =>
        fetch(`${new URL(simulator).origin}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const page = await chromium.context.newPage();
      // No live events: what the cards show is the query's answer alone (live data would make them fresh).
      await page.routeWebSocket('**/graphql', () => undefined);
      // Concord's project list fails on both loads: nothing of it was ever kept to stand in, so it is lost.
      await fault(caching.simulators.concord, { path: '/api/v1/org/Default/project$', status: 500, times: 2 });
      await page.goto(`${caching.origin}/board`);
      await page.waitForSelector('.card[data-service="GITLAB"]', { timeout: 30_000 });
      expect(await page.$('.alert-stale')).toBeNull();
      // Every GitLab answer the board read is now past its freshness; then GitLab fails every call.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await fault(caching.simulators.gitlab, { path: '.', status: 503 });
      await page.reload();
      await page.waitForSelector('.alert-stale', { timeout: 30_000 });
      expect(await page.textContent('.alert-failed')).toContain('Concord');
      expect(await page.textContent('.alert-stale')).toMatch(/^GitLab is failing: its data is \d+ s old/);
      const marks = await page.evaluate(() =>
        [...Array.from(document.querySelectorAll('.card'))].map((card) => [card.dataset['service'], card.dataset['stale'] ?? 'fresh']),
      );
      expect(marks.filter(([service]) => service === 'CONCORD')).toEqual([]);
      expect(marks.filter(([service]) => service === 'GITLAB').length).toBeGreaterThan(0);
      expect(marks.filter(([service]) => service === 'GITLAB').every(([, stale]) => stale === 'true')).toBe(true);
      expect(marks.filter(([service]) => service !== 'GITLAB').every(([, stale]) => stale === 'fresh')).toBe(true);
      await page.close();
    } finally {
      await caching.stop();
    }
  }, 90_000);
});
