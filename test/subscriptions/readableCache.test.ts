import { describe, expect, it } from 'vitest';
import { readableCache } from '../../src/subscriptions/readableCache.js';

describe('readableCache', () => {
  it('checks a key once within its time, again after it, and trusts a read that just succeeded', async () => {
    const checked: string[] = [];
    const cache = readableCache(async (key) => {
      checked.push(key);
      if (key === 'hidden') throw new Error('404');
    }, 50);
    expect(await Promise.all([cache.canRead('open'), cache.canRead('open'), cache.canRead('hidden')])).toEqual([true, true, false]);
    cache.trust('given');
    expect(await cache.canRead('given')).toBe(true);
    expect(checked).toEqual(['open', 'hidden']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await cache.canRead('hidden')).toBe(false);
    expect(checked).toEqual(['open', 'hidden', 'hidden']);
  });
});
