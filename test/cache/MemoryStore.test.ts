import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/MemoryStore.js';

describe('MemoryStore', () => {
  it('evicts the least recently used entry beyond its entry bound', async () => {
    const store = new MemoryStore({ maxEntries: 3, maxBytes: 1_000_000 });
    await store.set('a', '1', undefined);
    await store.set('b', '2', undefined);
    await store.set('c', '3', undefined);
    expect(await store.get('a')).toBe('1'); // a is now the most recent
    await store.set('d', '4', undefined);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBe('1');
    expect(await store.get('c')).toBe('3');
    expect(await store.get('d')).toBe('4');
    expect(store.size().entries).toBe(3);
  });

  it('evicts beyond its byte bound and refuses a value larger than the bound', async () => {
    const store = new MemoryStore({ maxEntries: 100, maxBytes: 2048 });
    await store.set('k1', 'x'.repeat(400), undefined);
    await store.set('k2', 'x'.repeat(400), undefined);
    await store.set('k3', 'x'.repeat(400), undefined);
    expect(store.size().bytes).toBeLessThanOrEqual(2048);
    expect(await store.get('k1')).toBeUndefined();
    expect(await store.get('k3')).toBeDefined();
    await store.set('huge', 'x'.repeat(5000), undefined);
    expect(await store.get('huge')).toBeUndefined();
    expect(await store.get('k3')).toBeDefined();
  });

  it('expires by its clock and purges by tag', async () => {
    let now = 1_000;
    const store = new MemoryStore({ maxEntries: 10, maxBytes: 100_000, clock: () => now });
    await store.set('a', '1', 500, ['t1', 't2']);
    await store.set('b', '2', 5000, ['t2']);
    await store.set('c', '3', 5000, ['t3']);
    now += 499;
    expect(await store.get('a')).toBe('1');
    now += 1;
    expect(await store.get('a')).toBeUndefined();
    expect(await store.invalidate(['t2'])).toBe(1);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('c')).toBe('3');
    expect(store.size().entries).toBe(1);
  });
});
