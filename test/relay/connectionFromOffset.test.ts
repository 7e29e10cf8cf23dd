import { describe, expect, it } from 'vitest';
import { connectionFromOffset } from '../../src/relay/connectionFromOffset.js';

const letters = 'abcdefghij'.split('');

function source(): { calls: [number, number][]; fetch: (offset: number, limit: number) => Promise<string[]> } {
  const calls: [number, number][] = [];
  return { calls, fetch: async (offset, limit) => (calls.push([offset, limit]), letters.slice(offset, offset + limit)) };
}

describe('connectionFromOffset', () => {
  it('reads first + 1 from just after the cursor, once per connection', async () => {
    const s = source();
    const page1 = await connectionFromOffset({ first: 4 }, s.fetch);
    expect(page1.edges.map((e) => e.node)).toEqual(['a', 'b', 'c', 'd']);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = await connectionFromOffset({ first: 4, after: page1.edges[2]?.cursor }, s.fetch);
    expect(page2.edges.map((e) => e.node)).toEqual(['d', 'e', 'f', 'g']);
    const page3 = await connectionFromOffset({ first: 4, after: page2.pageInfo.endCursor }, s.fetch);
    expect(page3.edges.map((e) => e.node)).toEqual(['h', 'i', 'j']);
    expect(page3.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(s.calls).toEqual([[0, 5], [3, 5], [7, 5]]);
  });

  it('rejects last/before and a forged cursor without reading', async () => {
    const s = source();
    await expect(connectionFromOffset({ last: 2 }, s.fetch)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(connectionFromOffset({ first: 2, after: 'nope' }, s.fetch)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(s.calls).toEqual([]);
  });
});
