import { createHash } from 'node:crypto';
import type * as Esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { explorerExamples } from './explorerExamples.js';
import { examplesDir, explorerAssetNames, explorerAssetsDir, explorerClientDir } from './paths.js';
import { boardAssetNames, boardClientDir } from '../board/paths.js';

/** The module through which the client imports the examples, made at build time. */
const examplesModule = 'switchyard:examples';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A fingerprint of everything the bundles are made from: the explorer's and
 * the board's client sources, the examples, these scripts and the locked
 * package versions.
 */
export function explorerSourceHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...readdirSync(explorerClientDir)
      .sort()
      .map((name) => join(explorerClientDir, name)),
    ...readdirSync(boardClientDir)
      .sort()
      .map((name) => join(boardClientDir, name)),
    // The examples the bundle carries: the files at the top of examples/ (client set-ups live in folders below).
    ...readdirSync(examplesDir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort()
      .map((name) => join(examplesDir, name)),
    fileURLToPath(import.meta.url),
    fileURLToPath(new URL('./explorerExamples.ts', import.meta.url)),
    join(projectRoot, 'package-lock.json'),
  ];
  for (const file of files) {
    hash.update(file.slice(projectRoot.length));
    hash.update(existsSync(file) ? readFileSync(file) : '');
  }
  return hash.digest('hex');
}

/** Resolves `switchyard:examples` to the examples as they are now: the bundle carries their text. */
function examplesPlugin(): Esbuild.Plugin {
  return {
    name: 'switchyard-examples',
    setup(build) {
      build.onResolve({ filter: /^switchyard:examples$/ }, () => ({ path: examplesModule, namespace: 'switchyard-examples' }));
      build.onLoad({ filter: /.*/, namespace: 'switchyard-examples' }, () => ({
        contents: `export const examples = ${JSON.stringify(explorerExamples(examplesDir))};`,
        loader: 'js',
        watchDirs: [examplesDir],
      }));
    },
  };
}

function builtHash(): string | undefined {
  const stamp = join(explorerAssetsDir, explorerAssetNames.stamp);
  const complete = [...Object.values(explorerAssetNames), ...Object.values(boardAssetNames)].every((name) => existsSync(join(explorerAssetsDir, name)));
  if (!complete) return undefined;
  try {
    return (JSON.parse(readFileSync(stamp, 'utf8')) as { hash?: string }).hash;
  } catch {
    return undefined;
  }
}

/** Whether the bundle is missing or was built from other sources. */
export function explorerIsStale(): boolean {
  return builtHash() !== explorerSourceHash();
}

/** How `buildExplorer` runs. */
export interface BuildExplorerOptions {
  /** Build only when the bundle is missing or stale. */
  readonly ifStale?: boolean | undefined;
}

/**
 * Bundles GraphiQL and its styles, and the live board, into
 * `src/explorer/assets/` with esbuild. Returns whether it built. Where
 * esbuild is not installed (a production image), an existing bundle is kept
 * as it is.
 */
export async function buildExplorer(options: BuildExplorerOptions = {}): Promise<boolean> {
  if (options.ifStale === true && !explorerIsStale()) return false;
  let esbuild: typeof Esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (error) {
    if (builtHash() !== undefined) return false;
    throw new Error('The explorer bundle is missing and esbuild is not installed: run `npm ci` and `npm run build:explorer`', { cause: error });
  }
  rmSync(explorerAssetsDir, { recursive: true, force: true });
  mkdirSync(explorerAssetsDir, { recursive: true });
  const common = {
    bundle: true,
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: projectRoot,
  } as const;
  // Browser modules carry the examples as they are now.
  const script: Esbuild.BuildOptions = { ...common, format: 'esm', platform: 'browser', target: ['chrome110', 'firefox110', 'safari16'], plugins: [examplesPlugin()] };
  await esbuild.build({
    ...script,
    entryPoints: [join(explorerClientDir, 'main.ts')],
    outfile: join(explorerAssetsDir, explorerAssetNames.script),
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  });
  await esbuild.build({
    ...common,
    entryPoints: [join(explorerClientDir, 'style.css')],
    outfile: join(explorerAssetsDir, explorerAssetNames.style),
    loader: { '.woff2': 'dataurl', '.woff': 'dataurl', '.png': 'dataurl', '.svg': 'dataurl' },
  });
  // The board: no framework, the graphql-ws client and the examples it runs.
  await esbuild.build({ ...script, entryPoints: [join(boardClientDir, 'main.ts')], outfile: join(explorerAssetsDir, boardAssetNames.script) });
  await esbuild.build({ ...common, entryPoints: [join(boardClientDir, 'board.css')], outfile: join(explorerAssetsDir, boardAssetNames.style) });
  writeFileSync(join(explorerAssetsDir, explorerAssetNames.stamp), `${JSON.stringify({ hash: explorerSourceHash() })}\n`);
  return true;
}

/**
 * Copies the built bundles, the explorer's and the live board's, to `dir`
 * (replacing what is there), where a compiled gateway
 * (`dist/src/explorer/assets/`, beside its `paths.js`) serves them from.
 */
export function copyExplorer(dir: string): void {
  if (builtHash() === undefined) throw new Error('The explorer bundle is not built: run `npm run build:explorer`');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of [...Object.values(explorerAssetNames), ...Object.values(boardAssetNames)]) cpSync(join(explorerAssetsDir, name), join(dir, name));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const built = await buildExplorer({ ifStale: args.includes('--if-stale') });
  process.stdout.write(built ? `Explorer bundle built in ${explorerAssetsDir}\n` : 'Explorer bundle is up to date\n');
  // `--copy-to <dir>`: also place it where a compiled gateway looks for it (`npm run build`).
  const copyTo = args[args.indexOf('--copy-to') + 1];
  if (args.includes('--copy-to')) {
    if (copyTo === undefined || copyTo.startsWith('--')) throw new Error('--copy-to needs a folder');
    copyExplorer(resolve(copyTo));
    process.stdout.write(`Explorer bundle copied to ${copyTo}\n`);
  }
}
