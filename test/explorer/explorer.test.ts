import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerExamples } from '../../src/explorer/explorerExamples.js';
import { examplesDir as examplesPath } from '../../src/explorer/paths.js';
import { launchChromium, type HeadlessChromium } from '../helpers/chromium.js';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { editorTexts, queryText, recordRequests, resultText, run, setQuery, waitForGraphiQL, waitForText } from './explorerBrowser.js';

const examplesDir = new URL('../../examples/', import.meta.url);
/** The examples as files: the explorer must show their text as it is. */
const exampleTexts = readdirSync(examplesDir)
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => readFileSync(new URL(file, examplesDir), 'utf8'));
const dashboard = readFileSync(new URL('dashboard.graphql', examplesDir), 'utf8');
/** The name of a document's first operation, as GraphiQL titles its tab. */
const operationName = (text: string): string => /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(text)?.[1] ?? '<untitled>';

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
  it('opens on the dashboard example, offers the other examples as tabs, keeps the credential headers and runs the dashboard', async () => {
    const origin = new URL(t.url).origin;
    await page.goto(`${origin}/`);
    await waitForGraphiQL(page);

    const tabs = (await page.locator('.graphiql-tab-button').allTextContents()).map((title) => title.trim());
    expect([...tabs].sort()).toEqual(exampleTexts.map(operationName).sort());
    expect(tabs[0]).toBe(operationName(dashboard));
    expect((await page.locator('.graphiql-tab-active .graphiql-tab-button').textContent())?.trim()).toBe(operationName(dashboard));
    const texts = await editorTexts(page);
    expect(await queryText(page)).toBe(dashboard);
    // Its variables, when it has any, from the file beside it or their defaults.
    expect(texts).toContain(explorerExamples(examplesPath)[0]?.variables ?? '');
    const headers = texts.find((text) => text.includes('x-circleci-token'));
    expect(Object.keys(JSON.parse(headers ?? '{}'))).toEqual(['x-circleci-token', 'x-ghes-token', 'x-gitlab-token', 'x-concord-token', 'x-flexstack-key']);

    await run(page);
    await waitForText(page, '.result-window', '"projects"');
    const result = JSON.parse(await resultText(page)) as { data?: { projects?: { edges?: unknown[] } }; errors?: unknown };
    expect(result.errors).toBeUndefined();
    expect(result.data?.projects?.edges?.length).toBeGreaterThan(0);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/explorer-dashboard.png', fullPage: true });

    // Every other tab holds its example's text as it is.
    for (const [index, title] of tabs.entries()) {
      if (index === 0) continue;
      await page.locator('.graphiql-tab-button').nth(index).click();
      await waitForText(page, '.graphiql-tab-active', title, 10_000);
      expect(exampleTexts).toContain(await queryText(page));
      expect(await queryText(page)).toContain(title);
    }
    await page.locator('.graphiql-tab-button').first().click();
    expect(requests.offLoopback()).toEqual([]);
  }, 90_000);

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
