import { describe, expect, it } from 'vitest';
import { connectionFromCursorPages } from '../../src/relay/connectionFromCursorPages.js';

const all = 'abcdefghij'.split('');

/** An upstream minting cursors `c<offset>` and capping pages at `cap` items. */
function source(cap = 100): { calls: [string | null, number][]; fetch: (after: string | null, limit: number) => Promise<{ items: string[]; next: string | null }> } {
  const calls: [string | null, number][] = [];
  return {
    calls,
    fetch: async (after, limit) => {
      calls.push([after, limit]);
      const offset = after === null ? 0 : Number(after.slice(1));
      const size = Math.min(limit, cap);
      return { items: all.slice(offset, offset + size), next: offset + size < all.length ? `c${offset + size}` : null };
    },
  };
}

describe('connectionFromCursorPages', () => {
  it('asks for first items and resumes from the end cursor with the upstream cursor, re-reading nothing', async () => {
    const s = source();
    const page1 = await connectionFromCursorPages({ first: 4 }, s.fetch);
    expect(page1.edges.map((e) => e.node)).toEqual(['a', 'b', 'c', 'd']);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = await connectionFromCursorPages({ first: 4, after: page1.pageInfo.endCursor }, s.fetch);
    expect(page2.edges.map((e) => e.node)).toEqual(['e', 'f', 'g', 'h']);
    const page3 = await connectionFromCursorPages({ first: 4, after: page2.pageInfo.endCursor }, s.fetch);
    expect(page3.edges.map((e) => e.node)).toEqual(['i', 'j']);
    expect(page3.pageInfo.hasNextPage).toBe(false);
    expect(s.calls).toEqual([[null, 4], ['c4', 4], ['c8', 4]]);
  });

  it('resumes from a middle cursor by skipping within its page, and follows cursors past a capped page', async () => {
    const s = source(3);
    const page1 = await connectionFromCursorPages({ first: 5 }, s.fetch);
    expect(page1.edges.map((e) => e.node)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const page2 = await connectionFromCursorPages({ first: 2, after: page1.edges[3]?.cursor }, s.fetch);
    expect(page2.edges.map((e) => e.node)).toEqual(['e', 'f']);
    expect(s.calls).toEqual([[null, 5], ['c3', 2], ['c3', 3]]);
  });

  it('rejects a forged cursor and last/before without reading', async () => {
    const s = source();
    await expect(connectionFromCursorPages({ first: 2, after: 'eyJ4IjoxfQ' }, s.fetch)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(connectionFromCursorPages({ last: 2 }, s.fetch)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(s.calls).toEqual([]);
  });
});
