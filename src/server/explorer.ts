import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serviceSettings } from '../config/config.js';
import { explorerAssetNames, explorerAssetsDir } from '../explorer/paths.js';

const assetTypes: Readonly<Record<string, string>> = {
  [explorerAssetNames.script]: 'text/javascript; charset=utf-8',
  [explorerAssetNames.style]: 'text/css; charset=utf-8',
};

/** JSON that is safe inside a `<script>` element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Only same-origin scripts, styles, fonts and connections: the page works offline and leaks nothing. */
export function contentSecurityPolicy(host: string | undefined): string {
  const sockets = host !== undefined && /^[\w.-]+(:\d+)?$|^\[[\d:a-fA-F]+\](:\d+)?$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function page(): string {
  const settings = { credentialHeaders: Object.values(serviceSettings).map((names) => names.header) };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchyard explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/explorer/${explorerAssetNames.style}">
<script type="application/json" id="explorer-settings">${scriptJson(settings)}</script>
<script type="module" src="/explorer/${explorerAssetNames.script}"></script>
</head>
<body>
<div id="explorer"></div>
</body>
</html>
`;
}

/** Answers a page or an asset, never sniffed. */
export function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.setHeader('x-content-type-options', 'nosniff');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(body);
}

/**
 * Serves the GraphQL explorer (GraphiQL, bundled with the project by
 * `npm run build:explorer`): the page at `/`, its assets under `/explorer/`.
 * Returns false for any other path.
 */
export function createExplorerHandler(): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const assets = new Map<string, Buffer>();
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (url.pathname === '/') {
      send(res, 200, 'text/html; charset=utf-8', page(), {
        'content-security-policy': contentSecurityPolicy(req.headers.host),
        'cache-control': 'no-cache',
      });
      return true;
    }
    const name = url.pathname.startsWith('/explorer/') ? url.pathname.slice('/explorer/'.length) : undefined;
    const type = name === undefined ? undefined : assetTypes[name];
    if (name === undefined || type === undefined) return false;
    let body = assets.get(name);
    if (body === undefined) {
      try {
        body = await readFile(join(explorerAssetsDir, name));
      } catch {
        send(res, 503, 'text/plain; charset=utf-8', 'The explorer is not built: run `npm run build:explorer`.\n');
        return true;
      }
      assets.set(name, body);
    }
    send(res, 200, type, body, { 'cache-control': 'no-cache' });
    return true;
  };
}
