import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeGenerated } from '../../src/upstreams/writeGenerated.js';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function file(text: string): { path: string; name: string; text: string; script: string } {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-generated-'));
  dirs.push(dir);
  return { path: join(dir, 'out.ts'), name: 'out.ts', text, script: 'generate' };
}

describe('writeGenerated', () => {
  it('writes the files, and then finds them current', () => {
    const out = file('one\n');
    expect(writeGenerated([out], false)).toBe(true);
    expect(readFileSync(out.path, 'utf8')).toBe('one\n');
    expect(writeGenerated([out], true)).toBe(true);
  });

  it('with check, writes nothing and names each stale or missing file with the script that writes it', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stale = file('new\n');
    writeFileSync(stale.path, 'old\n');
    const missing = { ...file('any\n'), name: 'missing.ts' };
    expect(writeGenerated([stale, missing], true)).toBe(false);
    expect(readFileSync(stale.path, 'utf8')).toBe('old\n');
    expect(stderr.mock.calls.map(([text]) => String(text))).toEqual(['out.ts is stale: run `npm run generate`\n', 'missing.ts is stale: run `npm run generate`\n']);
  });
});
