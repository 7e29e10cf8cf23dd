import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type HeadlessChromium } from '../helpers/chromium.js';
import { startTestGateway, type TestGateway } from '../helpers/startTestGateway.js';

/** What a page of the portal's origin gets when it calls a gateway of another origin. */
interface Attempt {
  readonly fetched: string;
  readonly socket: string;
}

/** Runs in the portal page: a POST with a credential header (preflighted), and a graphql-ws WebSocket. */
async function callFromPage(gatewayUrl: string): Promise<Attempt> {
  let fetched: string;
  try {
    const answer = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gitlab-token': 'demo-gitlab-token' },
      body: JSON.stringify({ query: '{ gitlabProject(idOrPath: "1") { name } }' }),
    });
    fetched = JSON.stringify(await answer.json());
  } catch (error) {
    fetched = `failed: ${String(error)}`;
  }
  const socket = await new Promise<string>((resolve) => {
    const ws = new WebSocket(gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    };
    ws.onmessage = (event) => {
      resolve(`message: ${String(event.data)}`);
      ws.close();
    };
    ws.onerror = () => resolve('refused');
  });
  return { fetched, socket };
}

describe('a browser page of another origin (a developer portal) calling the gateway', () => {
  let portal: Server;
  let portalOrigin: string;
  let open: TestGateway;
  let closed: TestGateway;
  let browser: HeadlessChromium;

  beforeAll(async () => {
    portal = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<!doctype html><title>portal</title>');
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    portalOrigin = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
    [open, closed, browser] = await Promise.all([startTestGateway({ env: { CORS_ORIGINS: portalOrigin } }), startTestGateway(), launchChromium()]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([open?.close(), closed?.close(), browser?.close()]);
    await new Promise((resolve) => portal?.close(resolve));
  });

  it('reads answers and subscribes when its origin is in CORS_ORIGINS, and gets neither otherwise', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${portalOrigin}/`);
      const allowed = await page.evaluate(callFromPage, open.url);
      expect(allowed.fetched).toBe(JSON.stringify({ data: { gitlabProject: { name: 'Api' } } }));
      expect(allowed.socket).toBe('message: {"type":"connection_ack"}');
      const refused = await page.evaluate(callFromPage, closed.url);
      expect(refused.fetched).toMatch(/^failed: TypeError/);
      expect(refused.socket).toBe('refused');
    } finally {
      await page.close();
    }
  }, 60_000);
});
