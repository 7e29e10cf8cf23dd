import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type HeadlessChromium } from '../helpers/chromium.js';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { editorTexts, recordRequests, resultText, run, setQuery, waitForGraphiQL, waitForText } from './explorerBrowser.js';

let chromium: HeadlessChromium;
let page: Page;
let requests: ReturnType<typeof recordRequests>;

const t = useTestGateway();
beforeAll(async () => {
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  requests = recordRequests(page);
}, 120_000);

afterAll(async () => {
  await chromium?.close();
});

describe('the explorer in a real browser', () => {
  it('runs a query typed into GraphiQL and shows its result, talking to no other host', async () => {
    const origin = new URL(t.url).origin;
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${origin}/`);
    await waitForGraphiQL(page);

    const headers = (await editorTexts(page)).find((text) => text.includes('x-circleci-token'));
    expect(JSON.parse(headers ?? '{}')).toEqual({
      'x-circleci-token': '',
      'x-ghes-token': '',
      'x-gitlab-token': '',
      'x-concord-token': '',
      'x-flexstack-key': '',
    });

    await setQuery(page, '{ circleciProject(slug: "gh/acme/api") { name slug } }');
    await run(page);
    await waitForText(page, '.result-window', 'gh/acme/api');
    expect(JSON.parse(await resultText(page))).toEqual({ data: { circleciProject: { name: 'api', slug: 'gh/acme/api' } } });

    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/explorer.png', fullPage: true });

    expect(requests.all.some((url) => url.endsWith('/graphql'))).toBe(true);
    expect(requests.offLoopback()).toEqual([]);
    // No blocked resource, no CSP violation, no failed load.
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it('shows the schema in the documentation explorer', async () => {
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer', { timeout: 10_000 });
    await page.click('.graphiql-doc-explorer a:has-text("Query")');
    await waitForText(page, '.graphiql-doc-explorer', 'circleciProject', 10_000);
    expect(await page.textContent('.graphiql-doc-explorer')).toContain('circleciProject');
    expect(requests.offLoopback()).toEqual([]);
  }, 30_000);
});
