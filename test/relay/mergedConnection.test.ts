import { describe, expect, it } from 'vitest';
import type { UpstreamPage } from '../../src/relay/connection.js';
import { mergedConnection, type MergeSource } from '../../src/relay/mergedConnection.js';

/** A source over a fixed list, paged by the given size with numeric tokens, logging each fetch. */
function source(name: string, items: readonly string[], pageSize: number, log: string[], failing = () => false): MergeSource<string> {
  return {
    name,
    async fetchPage(token): Promise<UpstreamPage<string>> {
      log.push(`${name}:${token ?? 0}`);
      if (failing()) throw new Error(`${name} is down`);
      const offset = token === null ? 0 : Number(token);
      const next = offset + pageSize < items.length ? String(offset + pageSize) : null;
      return { items: items.slice(offset, offset + pageSize), next };
    },
  };
}

const a = ['a1', 'a2', 'a3', 'a4', 'a5'];
const b = ['b1', 'b2'];
const c = ['c1', 'c2', 'c3', 'c4'];
const everything = ['a1', 'b1', 'c1', 'a2', 'b2', 'c2', 'a3', 'c3', 'a4', 'c4', 'a5'];

async function walk(pageSize: number, log: string[] = []): Promise<string[]> {
  const sources = [source('a', a, 2, log), source('b', b, 2, log), source('c', c, 3, log)];
  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: Awaited<ReturnType<typeof mergedConnection<string>>> = await mergedConnection({ first: pageSize, after }, sources);
    seen.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return seen;
}

describe('mergedConnection', () => {
  it('interleaves sources in turn, in the same order whatever the page size', async () => {
    expect(await walk(100)).toEqual(everything);
    expect(await walk(1)).toEqual(everything);
    expect(await walk(4)).toEqual(everything);
    expect(await walk(5)).toEqual(everything);
  });

  it('reads only the native pages it needs', async () => {
    const log: string[] = [];
    const page = await mergedConnection({ first: 3 }, [source('a', a, 2, log), source('b', b, 2, log), source('c', c, 3, log)]);
    expect(page.edges.map((edge) => edge.node)).toEqual(['a1', 'b1', 'c1']);
    expect(log).toEqual(['a:0', 'b:0', 'c:0']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('resumes from any edge cursor, not only the end cursor', async () => {
    const sources = [source('a', a, 2, []), source('b', b, 2, []), source('c', c, 3, [])];
    const page = await mergedConnection({ first: 6 }, sources);
    const resumed = await mergedConnection({ first: 3, after: page.edges[1]?.cursor }, sources);
    expect(resumed.edges.map((edge) => edge.node)).toEqual(['c1', 'a2', 'b2']);
  });

  it('a failing source costs only its own edges and keeps its position', async () => {
    let down = true;
    const sources = [source('a', a, 2, []), source('b', b, 2, [], () => down), source('c', c, 3, [])];
    const page = await mergedConnection({ first: 4 }, sources);
    expect(page.edges.map((edge) => edge.node)).toEqual(['a1', 'c1', 'a2', 'c2']);
    expect(page.failures.map((failure) => failure.source)).toEqual(['b']);
    down = false;
    const next = await mergedConnection({ first: 4, after: page.pageInfo.endCursor }, sources);
    expect(next.edges.map((edge) => edge.node)).toEqual(['a3', 'b1', 'c3', 'a4']);
    expect(next.failures).toEqual([]);
  });

  it('rejects a cursor it did not make', async () => {
    await expect(mergedConnection({ first: 1, after: 'eyJ4IjoxfQ' }, [source('a', a, 2, [])])).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
