import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspectionOffNote } from '../../src/server/explorer.js';
import { launchChromium, type HeadlessChromium } from '../helpers/chromium.js';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { resultText, run, waitForGraphiQL, waitForText } from './explorerBrowser.js';

let chromium: HeadlessChromium;
let page: Page;

const t = useTestGateway({ env: { INTROSPECTION: 'false' } });
beforeAll(async () => {
  chromium = await launchChromium();
  page = await chromium.context.newPage();
}, 120_000);

afterAll(async () => {
  await chromium?.close();
});

describe('the explorer of a gateway that answers no introspection', () => {
  it('says why it has no schema, asks for none, and still runs the dashboard', async () => {
    const bodies: string[] = [];
    page.on('request', (request) => {
      const body = request.postData();
      if (body !== null) bodies.push(body);
    });
    await page.goto(`${new URL(t.url).origin}/`);
    await waitForGraphiQL(page);
    expect(await page.locator('.explorer-note').textContent()).toBe(introspectionOffNote);
    await run(page);
    await waitForText(page, '.result-window', '"projects"');
    const result = JSON.parse(await resultText(page)) as { data?: { projects?: { edges?: unknown[] } }; errors?: unknown };
    expect(result.errors).toBeUndefined();
    expect(result.data?.projects?.edges?.length).toBeGreaterThan(0);
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.filter((body) => body.includes('__schema'))).toEqual([]);
  }, 90_000);
});
