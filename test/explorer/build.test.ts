import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExplorer, explorerIsStale, explorerSourceHash } from '../../src/explorer/build.js';
import { explorerAssetNames, explorerAssetsDir } from '../../src/explorer/paths.js';

describe('the explorer bundle', () => {
  it('is built from the current sources (the test set-up builds it when missing or stale) and not rebuilt when fresh', async () => {
    const stamp = join(explorerAssetsDir, explorerAssetNames.stamp);
    expect(JSON.parse(readFileSync(stamp, 'utf8'))).toEqual({ hash: explorerSourceHash() });
    expect(explorerIsStale()).toBe(false);
    const before = statSync(join(explorerAssetsDir, explorerAssetNames.script)).mtimeMs;
    expect(await buildExplorer({ ifStale: true })).toBe(false);
    expect(statSync(join(explorerAssetsDir, explorerAssetNames.script)).mtimeMs).toBe(before);
  });

  it('bundles GraphiQL, React and the graphql-ws client, and refers to no CDN', () => {
    const script = readFileSync(join(explorerAssetsDir, explorerAssetNames.script), 'utf8');
    expect(script).toContain('graphql-transport-ws');
    expect(script).toContain('graphiql');
    expect(script).not.toMatch(/(unpkg\.com|jsdelivr\.net|cdnjs|esm\.sh|fonts\.googleapis)/);
    const style = readFileSync(join(explorerAssetsDir, explorerAssetNames.style), 'utf8');
    expect(style).toContain('.graphiql-container');
    expect(style).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
  });
});
