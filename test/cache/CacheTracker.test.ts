import { describe, expect, it } from 'vitest';
import { CacheTracker } from '../../src/cache/CacheTracker.js';

const entry = (maxAgeSeconds: number) => ({ service: 'circleci' as const, resource: '/x', source: 'cache' as const, ageSeconds: 1, maxAgeSeconds });

describe('CacheTracker', () => {
  it('answers private, max-age of the shortest remaining freshness', () => {
    const tracker = new CacheTracker();
    tracker.use(entry(3599.7));
    tracker.use(entry(4.2));
    tracker.use(entry(60));
    expect(tracker.cacheControl({ mutation: false, errors: false })).toBe('private, max-age=4');
  });

  it('answers no-store for a mutation, a write, errors, an uncacheable answer, or nothing read', () => {
    const fresh = (): CacheTracker => {
      const tracker = new CacheTracker();
      tracker.use(entry(60));
      return tracker;
    };
    expect(fresh().cacheControl({ mutation: true, errors: false })).toBe('no-store');
    expect(fresh().cacheControl({ mutation: false, errors: true })).toBe('no-store');
    const wrote = fresh();
    wrote.write();
    expect(wrote.cacheControl({ mutation: false, errors: false })).toBe('no-store');
    const uncacheable = fresh();
    uncacheable.use(entry(0), false);
    expect(uncacheable.cacheControl({ mutation: false, errors: false })).toBe('no-store');
    expect(new CacheTracker().cacheControl({ mutation: false, errors: false })).toBe('no-store');
  });
});
