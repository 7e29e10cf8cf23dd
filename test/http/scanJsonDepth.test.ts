import { describe, expect, it } from 'vitest';
import { scanJsonDepth } from '../../src/http/scanJsonDepth.js';

/** The deepest nesting of JSON text as scanJsonDepth sees it, fed in chunks of `size` bytes; -1 past `max`. */
function scan(text: string, max: number, size = Number.POSITIVE_INFINITY): number {
  const bytes = Buffer.from(text, 'utf8');
  let state = 0;
  for (let offset = 0; offset < bytes.length; offset += Math.min(size, bytes.length)) {
    state = scanJsonDepth(bytes.subarray(offset, offset + size), state, max);
    if (state === -1) return -1;
  }
  return state;
}

/** The deepest nesting of a parsed value (arrays and objects). */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

const samples: readonly unknown[] = [
  { id: 1, name: 'api', tags: ['a', 'b'], owner: { login: 'ada', teams: [{ name: 'core' }] } },
  ['[', ']', '{', '}', '\\', '"', '\\"[', '\\\\', 'é[ü]{ß}', '\u2028'],
  { 'key [with] {brackets}': { '"quoted"': [[[1, 2, [3]]]] } },
  [],
  {},
  'a string with [ brackets ] and \\" quotes',
];

describe('scanJsonDepth', () => {
  it.each(samples.map((value) => [JSON.stringify(value), value] as const))('follows %s to its real depth, in chunks of any size', (text, value) => {
    const depth = depthOf(value);
    for (const size of [1, 2, 3, 5, 7, 64, Number.POSITIVE_INFINITY]) {
      // Back at the top level: nothing open, outside any string.
      expect(scan(text, 64, size), `chunks of ${size}`).toBe(0);
      expect(scan(text, depth, size)).toBe(0);
      if (depth > 0) expect(scan(text, depth - 1, size)).toBe(-1);
    }
  });

  it('stops at the first byte past the limit, however long the body', () => {
    const deep = Buffer.from('['.repeat(10_000_000));
    let calls = 0;
    let state = 0;
    for (let offset = 0; offset < deep.length && state !== -1; offset += 65_536) {
      calls++;
      state = scanJsonDepth(deep.subarray(offset, offset + 65_536), state, 64);
    }
    expect(state).toBe(-1);
    expect(calls).toBe(1);
  });

  it('counts what is open at the end of a chunk, and a string or an escape left open', () => {
    expect(scanJsonDepth(Buffer.from('{"a":[1,'), 0, 64)).toBe(2 * 4);
    expect(scanJsonDepth(Buffer.from('{"a":"[['), 0, 64)).toBe(1 * 4 + 2);
    expect(scanJsonDepth(Buffer.from('{"a":"x\\'), 0, 64)).toBe(1 * 4 + 2 + 1);
    // The escaped quote does not close the string: the brackets after it are text, the next quote closes it.
    expect(scanJsonDepth(Buffer.from('"[[[['), 1 * 4 + 2 + 1, 2)).toBe(1 * 4 + 2);
    expect(scanJsonDepth(Buffer.from('"[[[["'), 1 * 4 + 2 + 1, 2)).toBe(1 * 4);
    expect(scanJsonDepth(Buffer.from('"[[[["}'), 1 * 4 + 2 + 1, 2)).toBe(0);
  });
});
