import { afterEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/startTestGateway.js';
import { loadedUrls } from './explorerBrowser.js';

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('the explorer page', () => {
  it('is served at / and loads only same-origin assets, under a CSP that allows nothing else', async () => {
    t = await startTestGateway();
    const origin = new URL(t.url).origin;
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    const urls = loadedUrls(html);
    expect(urls).toEqual(['/explorer/explorer.css', '/explorer/explorer.js']);
    for (const url of urls) {
      expect(new URL(url, origin).origin).toBe(origin);
      const asset = await fetch(new URL(url, origin));
      expect(asset.status).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    }
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('x-flexstack-key');
  });

  it('is switched off by EXPLORER=false: / and its assets are 404', async () => {
    t = await startTestGateway({ env: { EXPLORER: 'false' } });
    const origin = new URL(t.url).origin;
    expect((await fetch(`${origin}/`)).status).toBe(404);
    expect((await fetch(`${origin}/explorer/explorer.js`)).status).toBe(404);
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  });
});
