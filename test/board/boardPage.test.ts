import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boardAssetNames } from '../../src/board/paths.js';
import { explorerAssetsDir } from '../../src/explorer/paths.js';
import { startTestGateway, type TestGateway } from '../helpers/startTestGateway.js';
import { loadedUrls } from '../explorer/explorerBrowser.js';

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('the board page', () => {
  it('is served at /board and loads only its same-origin bundle, under the explorer\'s CSP, with the credential headers and the project bound', async () => {
    t = await startTestGateway({ env: { SUBSCRIPTION_MAX_PROJECTS: '42' } });
    const origin = new URL(t.url).origin;
    const response = await fetch(`${origin}/board`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(loadedUrls(html)).toEqual(['/board/board.css', '/board/board.js']);
    for (const url of loadedUrls(html)) {
      const asset = await fetch(new URL(url, origin));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain(`connect-src 'self' ws://${new URL(origin).host}`);
    expect(csp).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/https?:\/\//);
    const settings = JSON.parse(/<script type="application\/json" id="board-settings">(.*?)<\/script>/.exec(html)?.[1] ?? '{}') as Record<string, unknown>;
    expect(settings).toEqual({
      credentialHeaders: ['x-circleci-token', 'x-ghes-token', 'x-gitlab-token', 'x-concord-token', 'x-flexstack-key'],
      authHeaders: ['x-api-key'],
      maxProjects: 42,
    });
    expect((await fetch(`${origin}/board/other.js`)).status).toBe(404);
  });

  it('is switched off with the explorer (EXPLORER=false)', async () => {
    t = await startTestGateway({ env: { EXPLORER: 'false' } });
    const origin = new URL(t.url).origin;
    expect((await fetch(`${origin}/board`)).status).toBe(404);
    expect((await fetch(`${origin}/board/board.js`)).status).toBe(404);
  });

  it('bundles the graphql-ws client and the two examples it runs, as they are, and refers to no CDN', () => {
    const script = readFileSync(join(explorerAssetsDir, boardAssetNames.script), 'utf8');
    expect(script).toContain('graphql-transport-ws');
    for (const file of ['dashboard.graphql', 'pipelines-changed.graphql']) {
      const text = readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8');
      // As a template literal or a quoted string, whichever the minifier chose.
      expect(script.includes(text) || script.includes(JSON.stringify(text).slice(1, -1)), file).toBe(true);
    }
    expect(script).not.toMatch(/(unpkg\.com|jsdelivr\.net|cdnjs|esm\.sh|fonts\.googleapis)/);
    expect(script).not.toContain('react');
  });
});
