import { describe, expect, it } from 'vitest';
import { ghesCalls, gid, useGhesGateway } from './context.js';

const t = useGhesGateway();

const keys = /* GraphQL */ `
  query ($first: Int, $after: String, $since: DateTime, $sort: GhesPublicKeySort, $direction: GhesSortDirection) {
    ghesPublicKeys(first: $first, after: $after, since: $since, sort: $sort, direction: $direction) {
      edges { node { id keyId key title userId repositoryId readOnly verified createdAt lastUsed addedBy service } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe('GHES public keys through GraphQL', () => {
  it('lists keys newest first by default, paging with per_page/page', async () => {
    const result = await t.gql(keys, { first: 10 });
    expect(result.errors).toBeUndefined();
    const connection = result.data?.['ghesPublicKeys'];
    expect(connection.edges.map((e: any) => e.node.keyId)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    const next = await t.gql(keys, { first: 10, after: connection.pageInfo.endCursor });
    expect(next.data?.['ghesPublicKeys'].edges[0].node.keyId).toBe(15);
    expect((await t.requests('ghes')).map((r) => r.query)).toEqual([
      { per_page: '10', page: '1' },
      { per_page: '10', page: '2' },
    ]);
  });

  it('passes since, sort and direction as GHES spells them, and on to the next page', async () => {
    const since = '2023-12-01T00:00:00Z';
    const result = await t.gql(keys, { first: 3, since, sort: 'ACCESSED', direction: 'ASC' });
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.['ghesPublicKeys'].edges.map((e: any) => e.node);
    for (const node of nodes) expect(Date.parse(node.lastUsed)).toBeGreaterThan(Date.parse(since));
    const used = nodes.map((n: any) => n.lastUsed);
    expect(used).toEqual([...used].sort());
    await t.gql(keys, { first: 3, since, sort: 'ACCESSED', direction: 'ASC', after: result.data?.['ghesPublicKeys'].pageInfo.endCursor });
    expect((await t.requests('ghes')).map((r) => r.query)).toEqual([
      { since, sort: 'accessed', direction: 'asc', per_page: '3', page: '1' },
      { since, sort: 'accessed', direction: 'asc', per_page: '3', page: '2' },
    ]);
  });

  it('fetches a key through node() and deletes it with DELETE /admin/keys/{key_ids}', async () => {
    const id = gid('GhesPublicKey', 8);
    const node = await t.gql(`{ node(id: "${id}") { id ... on GhesPublicKey { keyId title repositoryId userId } } }`);
    expect(node.errors).toBeUndefined();
    expect(node.data?.['node']).toEqual({ id, keyId: 8, title: 'deploy key 8', repositoryId: 108, userId: null });

    const deleted = await t.gql(`mutation { deleteGhesPublicKey(input: { id: "${id}" }) { deletedId } }`);
    expect(deleted.data?.['deleteGhesPublicKey']).toEqual({ deletedId: id });
    expect(await ghesCalls(t)).toContain('DELETE /api/v3/admin/keys/8');
    expect(t.simulators.ghes.store.keys.some((key) => key.id === 8)).toBe(false);

    const again = await t.gql(`mutation { deleteGhesPublicKey(input: { id: "${id}" }) { deletedId } }`);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', service: 'ghes', status: 404 });
  });
});
