import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../src/cache/BoundedMap.js';

describe('BoundedMap', () => {
  it('forgets everything when a new key comes at its limit, not when a known key is set again', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    map.set('a', 3);
    expect([...map]).toEqual([['a', 3], ['b', 2]]);
    map.set('c', 4);
    expect([...map]).toEqual([['c', 4]]);
    for (let i = 0; i < 100; i++) map.set(`k${i}`, i);
    expect(map.size).toBeLessThanOrEqual(2);
  });
});
