import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serviceSettings } from '../config/config.js';
import { boardAssetNames } from '../board/paths.js';
import { explorerAssetsDir } from '../explorer/paths.js';
import { contentSecurityPolicy, scriptJson, send } from './explorer.js';

const assetTypes: Readonly<Record<string, string>> = {
  [boardAssetNames.script]: 'text/javascript; charset=utf-8',
  [boardAssetNames.style]: 'text/css; charset=utf-8',
};

function page(maxProjects: number): string {
  const settings = { credentialHeaders: Object.values(serviceSettings).map((names) => names.header), authHeaders: ['x-api-key'], maxProjects };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchyard board</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/board/${boardAssetNames.style}">
<script type="application/json" id="board-settings">${scriptJson(settings)}</script>
<script type="module" src="/board/${boardAssetNames.script}"></script>
</head>
<body>
<div id="board"></div>
</body>
</html>
`;
}

/**
 * Serves the live board (bundled with the explorer by `npm run
 * build:explorer`): the page at `/board`, its assets under `/board/`, under
 * the explorer's content security policy. Returns false for any other path.
 */
export function createBoardHandler(options: { readonly maxProjects: number }): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const assets = new Map<string, Buffer>();
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (url.pathname === '/board' || url.pathname === '/board/') {
      send(res, 200, 'text/html; charset=utf-8', page(options.maxProjects), {
        'content-security-policy': contentSecurityPolicy(req.headers.host),
        'cache-control': 'no-cache',
      });
      return true;
    }
    const name = url.pathname.startsWith('/board/') ? url.pathname.slice('/board/'.length) : undefined;
    const type = name === undefined ? undefined : assetTypes[name];
    if (name === undefined || type === undefined) return false;
    let body = assets.get(name);
    if (body === undefined) {
      try {
        body = await readFile(join(explorerAssetsDir, name));
      } catch {
        send(res, 503, 'text/plain; charset=utf-8', 'The board is not built: run `npm run build:explorer`.\n');
        return true;
      }
      assets.set(name, body);
    }
    send(res, 200, type, body, { 'cache-control': 'no-cache' });
    return true;
  };
}
