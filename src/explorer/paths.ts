import { fileURLToPath } from 'node:url';

/** Where `npm run build:explorer` writes the explorer's bundle, and the gateway serves it from. */
export const explorerAssetsDir = fileURLToPath(new URL('./assets/', import.meta.url));

/** The sources of the bundle. */
export const explorerClientDir = fileURLToPath(new URL('./client/', import.meta.url));

/** Names of the built files, as served under `/explorer/`. */
export const explorerAssetNames = { script: 'explorer.js', style: 'explorer.css', stamp: 'build.json' } as const;

/** The README's examples, which the explorer opens as tabs (bundled at build time). */
export const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
