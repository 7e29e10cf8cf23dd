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

/** What the explorer page says when this gateway does not answer introspection. */
export const introspectionOffNote =
  'Introspection is off on this gateway (INTROSPECTION=false), so the explorer cannot load the schema: ' +
  'queries still run, without documentation, completion or validation in the editor.';

/** How the explorer page is served. */
export interface ExplorerOptions {
  /** Whether the gateway answers introspection; when not, the page says so and GraphiQL asks for no schema. */
  readonly introspection: boolean;
}

function page(options: ExplorerOptions): string {
  return bundlePage({
    name: 'explorer',
    title: 'Switchyard explorer',
    style: `/explorer/${explorerAssetNames.style}`,
    script: `/explorer/${explorerAssetNames.script}`,
    settings: { credentialHeaders: Object.values(serviceSettings).map((names) => names.header), introspection: options.introspection },
    ...(options.introspection ? {} : { note: introspectionOffNote }),
  });
}

/**
 * Serves the GraphQL explorer (GraphiQL, bundled with the project by
 * `npm run build:explorer`): the page at `/`, its assets under `/explorer/`.
 * Returns false for any other path.
 */
export function createExplorerHandler(options: ExplorerOptions): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const assets = bundleAssets('/explorer/', assetTypes, 'explorer');
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (url.pathname === '/') {
      send(res, 200, 'text/html; charset=utf-8', page(options), {
        'content-security-policy': contentSecurityPolicy(req.headers.host),
        'cache-control': 'no-cache',
      });
      return true;
    }
    return assets(res, url.pathname);
  };
}
