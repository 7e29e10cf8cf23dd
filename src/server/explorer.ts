import type { IncomingMessage, ServerResponse } from 'node:http';
import { serviceSettings } from '../config/config.js';
import { explorerAssetNames } from '../explorer/paths.js';
import { bundleAssets } from './bundleAssets.js';
import { bundlePage } from './bundlePage.js';
import { sendAsset as send } from './sendAsset.js';

const assetTypes: Readonly<Record<string, string>> = {
  [explorerAssetNames.script]: 'text/javascript; charset=utf-8',
  [explorerAssetNames.style]: 'text/css; charset=utf-8',
};

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
  return bundlePage({
    name: 'explorer',
    title: 'Switchyard explorer',
    style: `/explorer/${explorerAssetNames.style}`,
    script: `/explorer/${explorerAssetNames.script}`,
    settings: { credentialHeaders: Object.values(serviceSettings).map((names) => names.header) },
  });
}

/**
 * Serves the GraphQL explorer (GraphiQL, bundled with the project by
 * `npm run build:explorer`): the page at `/`, its assets under `/explorer/`.
 * Returns false for any other path.
 */
export function createExplorerHandler(): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const assets = bundleAssets('/explorer/', assetTypes, 'explorer');
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (url.pathname === '/') {
      send(res, 200, 'text/html; charset=utf-8', page(), {
        'content-security-policy': contentSecurityPolicy(req.headers.host),
        'cache-control': 'no-cache',
      });
      return true;
    }
    return assets(res, url.pathname);
  };
}
