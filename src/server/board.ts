import type { IncomingMessage, ServerResponse } from 'node:http';
import { serviceSettings } from '../config/config.js';
import { boardAssetNames } from '../board/paths.js';
import { bundleAssets } from './bundleAssets.js';
import { bundlePage } from './bundlePage.js';
import { contentSecurityPolicy } from './explorer.js';
import { sendAsset as send } from './sendAsset.js';

const assetTypes: Readonly<Record<string, string>> = {
  [boardAssetNames.script]: 'text/javascript; charset=utf-8',
  [boardAssetNames.style]: 'text/css; charset=utf-8',
};

function page(maxProjects: number): string {
  return bundlePage({
    name: 'board',
    title: 'Switchyard board',
    style: `/board/${boardAssetNames.style}`,
    script: `/board/${boardAssetNames.script}`,
    settings: { credentialHeaders: Object.values(serviceSettings).map((names) => names.header), authHeaders: ['x-api-key'], maxProjects },
  });
}

/**
 * Serves the live board (bundled with the explorer by `npm run
 * build:explorer`): the page at `/board`, its assets under `/board/`, under
 * the explorer's content security policy. Returns false for any other path.
 */
export function createBoardHandler(options: { readonly maxProjects: number }): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const assets = bundleAssets('/board/', assetTypes, 'board');
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (url.pathname === '/board' || url.pathname === '/board/') {
      send(res, 200, 'text/html; charset=utf-8', page(options.maxProjects), {
        'content-security-policy': contentSecurityPolicy(req.headers.host),
        'cache-control': 'no-cache',
      });
      return true;
    }
    return assets(res, url.pathname);
  };
}
