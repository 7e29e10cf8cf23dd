import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildExplorer, copyExplorer } from '../../src/explorer/build.js';

const root = resolve(import.meta.dirname, '../..');

/** A package of the lockfile: only whether it is installed for development alone matters here. */
interface LockedPackage {
  readonly dev?: boolean;
  readonly link?: boolean;
}

/**
 * The packages `npm ci --omit=dev` installs at the top of node_modules:
 * every top-level entry of package-lock.json not marked `dev` (nested ones
 * live inside their parent's folder).
 */
export function productionPackages(): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !path.slice('node_modules/'.length).includes('/node_modules/') && entry.dev !== true)
    .map(([path]) => path.slice('node_modules/'.length))
    .sort();
}

/**
 * Lays out in a new temporary folder what the production image holds:
 * `dist/` compiled from src/ with tsconfig.build.json as `npm run build`
 * compiles it (without the type check, which `npm run typecheck` makes), the
 * explorer bundle where `npm run build` copies it, `schema/`, package.json, and
 * a node_modules of the production dependencies only (links into the
 * project's), so neither tsx nor any other development package can be loaded
 * from `dist/`. Returns the folder; the caller removes it.
 */
export async function buildProductionTree(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-production-'));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noCheck', '--outDir', join(dir, 'dist')], { cwd: root });
  await buildExplorer({ ifStale: true });
  copyExplorer(join(dir, 'dist/src/explorer/assets'));
  cpSync(join(root, 'schema'), join(dir, 'schema'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  for (const name of productionPackages()) {
    // Optional packages of other platforms are in the lockfile but not installed.
    if (!existsSync(join(root, 'node_modules', name))) continue;
    const link = join(dir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), link, 'dir');
  }
  return dir;
}
