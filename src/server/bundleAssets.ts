import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { explorerAssetsDir } from '../explorer/paths.js';
import { sendAsset as send } from './sendAsset.js';

/**
 * Serves built bundle files (`npm run build:explorer`) under a path prefix:
 * each of `types` (file name → content type) read once from the assets
 * folder, 503 naming the build when it is missing. The answer resolves false
 * for any other path.
 */
export function bundleAssets(prefix: string, types: Readonly<Record<string, string>>, what: string): (res: ServerResponse, pathname: string) => Promise<boolean> {
  const assets = new Map<string, Buffer>();
  return async (res, pathname) => {
    const name = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : undefined;
    const type = name === undefined || !Object.hasOwn(types, name) ? undefined : types[name];
    if (name === undefined || type === undefined) return false;
    let body = assets.get(name);
    if (body === undefined) {
      try {
        body = await readFile(join(explorerAssetsDir, name));
      } catch {
        send(res, 503, 'text/plain; charset=utf-8', `The ${what} is not built: run \`npm run build:explorer\`.\n`);
        return true;
      }
      assets.set(name, body);
    }
    send(res, 200, type, body, { 'cache-control': 'no-cache' });
    return true;
  };
}
