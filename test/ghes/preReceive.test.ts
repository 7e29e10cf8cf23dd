import { beforeAll, describe, expect, it } from 'vitest';
import { ghesCalls, gid, useGhesGateway } from './context.js';

const t = useGhesGateway();
beforeAll(() => {
  // Downloads stay in progress until a test lets them finish.
  t.simulators.ghes.store.downloadMs = 3_600_000;
});

const fields = 'id environmentId name imageUrl defaultEnvironment hooksCount createdAt htmlUrl service download { state rawState downloadedAt message url }';
const list = `query ($first: Int, $after: String, $sort: GhesPreReceiveEnvironmentSort, $direction: GhesSortDirection) {
  ghesPreReceiveEnvironments(first: $first, after: $after, sort: $sort, direction: $direction) { edges { node { ${fields} } } pageInfo { hasNextPage endCursor } }
}`;

describe('GHES pre-receive environments through GraphQL', () => {
  it('lists environments sorted by name ascending, over pages with the sort kept', async () => {
    const first = await t.gql(list, { first: 4, sort: 'NAME', direction: 'ASC' });
    expect(first.errors).toBeUndefined();
    const connection = first.data?.['ghesPreReceiveEnvironments'];
    expect(connection.edges.map((e: any) => e.node.name)).toEqual(['Alpine minimal', 'Default', 'DevTools Hook Env', 'Empty sandbox']);
    const next = await t.gql(list, { first: 4, sort: 'NAME', direction: 'ASC', after: connection.pageInfo.endCursor });
    expect(next.data?.['ghesPreReceiveEnvironments'].edges.map((e: any) => e.node.name)).toEqual(['Go toolchain', 'Node 20', 'Python 3.12']);
    expect(next.data?.['ghesPreReceiveEnvironments'].pageInfo.hasNextPage).toBe(false);
    expect((await t.requests('ghes')).map((r) => r.query)).toEqual([
      { sort: 'name', direction: 'asc', per_page: '4', page: '1' },
      { sort: 'name', direction: 'asc', per_page: '4', page: '2' },
    ]);
    const defaultEnvironment = connection.edges[1].node;
    expect(defaultEnvironment).toMatchObject({ environmentId: 1, defaultEnvironment: true, imageUrl: 'githubenterprise://internal', hooksCount: 14 });
  });

  it('gets one environment by id and through node(), with the separate download status', async () => {
    const id = gid('GhesPreReceiveEnvironment', 4);
    const result = await t.gql(`query ($id: ID!) { ghesPreReceiveEnvironment(id: $id) { ${fields} latestDownload { state message } } node(id: $id) { id } }`, { id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['ghesPreReceiveEnvironment']).toMatchObject({
      environmentId: 4,
      name: 'Python 3.12',
      download: { state: 'FAILED', rawState: 'failed', message: 'Failed to download: 404 Not Found' },
      latestDownload: { state: 'FAILED', message: 'Failed to download: 404 Not Found' },
    });
    expect(result.data?.['node']).toEqual({ id });
    expect(await ghesCalls(t)).toEqual([
      'GET /api/v3/admin/pre-receive-environments/4',
      'GET /api/v3/admin/pre-receive-environments/4/downloads/latest',
    ]);
  });

  it('creates, renames, downloads and deletes an environment', async () => {
    const created = await t.gql(
      `mutation { createGhesPreReceiveEnvironment(input: { name: "Rust 1.80", imageUrl: "https://files.example.com/rust.tar.gz" }) { ${fields} } }`,
    );
    expect(created.errors).toBeUndefined();
    const environment = created.data?.['createGhesPreReceiveEnvironment'];
    expect(environment).toMatchObject({ name: 'Rust 1.80', defaultEnvironment: false, hooksCount: 0, download: { state: 'NOT_STARTED', downloadedAt: null } });

    const renamed = await t.gql(`mutation ($id: ID!) { updateGhesPreReceiveEnvironment(input: { id: $id, name: "Rust stable" }) { name imageUrl } }`, {
      id: environment.id,
    });
    expect(renamed.data?.['updateGhesPreReceiveEnvironment']).toEqual({ name: 'Rust stable', imageUrl: 'https://files.example.com/rust.tar.gz' });

    const started = await t.gql(`mutation ($id: ID!) { startGhesPreReceiveEnvironmentDownload(input: { id: $id }) { state url downloadedAt } }`, { id: environment.id });
    expect(started.errors).toBeUndefined();
    expect(started.data?.['startGhesPreReceiveEnvironmentDownload']).toMatchObject({ state: 'NOT_STARTED', downloadedAt: null });
    expect(started.data?.['startGhesPreReceiveEnvironmentDownload'].url).toMatch(new RegExp(`/pre-receive-environments/${environment.environmentId}/downloads/latest$`));

    // A second start while the first runs is GHES's 422.
    const again = await t.gql(`mutation ($id: ID!) { startGhesPreReceiveEnvironmentDownload(input: { id: $id }) { state } }`, { id: environment.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [{ message: 'Can not start a new download when a download is in progress' }],
    });
    const busy = await t.gql(`query ($id: ID!) { ghesPreReceiveEnvironment(id: $id) { latestDownload { state } } }`, { id: environment.id });
    expect(busy.data?.['ghesPreReceiveEnvironment'].latestDownload.state).toBe('IN_PROGRESS');
    t.simulators.ghes.store.downloadMs = 0;
    const done = await t.gql(`query ($id: ID!) { ghesPreReceiveEnvironment(id: $id) { latestDownload { state downloadedAt } } }`, { id: environment.id });
    expect(done.data?.['ghesPreReceiveEnvironment'].latestDownload).toMatchObject({ state: 'SUCCESS', downloadedAt: expect.any(String) });

    const deleted = await t.gql(`mutation ($id: ID!) { deleteGhesPreReceiveEnvironment(input: { id: $id }) { deletedId } }`, { id: environment.id });
    expect(deleted.data?.['deleteGhesPreReceiveEnvironment']).toEqual({ deletedId: environment.id });
    const gone = await t.gql(`query ($id: ID!) { ghesPreReceiveEnvironment(id: $id) { id } }`, { id: environment.id });
    expect(gone.data?.['ghesPreReceiveEnvironment']).toBeNull();
    const calls = await ghesCalls(t);
    expect(calls).toContain(`PATCH /api/v3/admin/pre-receive-environments/${environment.environmentId}`);
    expect(calls).toContain(`POST /api/v3/admin/pre-receive-environments/${environment.environmentId}/downloads`);
    expect(calls).toContain(`DELETE /api/v3/admin/pre-receive-environments/${environment.environmentId}`);
  });

  it("refuses to touch the default environment with GHES's 422 message as details", async () => {
    const id = gid('GhesPreReceiveEnvironment', 1);
    for (const mutation of [
      `updateGhesPreReceiveEnvironment(input: { id: "${id}", name: "Mine" }) { name }`,
      `deleteGhesPreReceiveEnvironment(input: { id: "${id}" }) { deletedId }`,
      `startGhesPreReceiveEnvironmentDownload(input: { id: "${id}" }) { state }`,
    ]) {
      const result = await t.gql(`mutation { ${mutation} }`);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        service: 'ghes',
        status: 422,
        details: [{ message: 'Cannot modify or delete the default environment' }],
      });
    }
    const withHooks = await t.gql(`mutation { deleteGhesPreReceiveEnvironment(input: { id: "${gid('GhesPreReceiveEnvironment', 2)}" }) { deletedId } }`);
    expect(withHooks.errors?.[0]?.extensions?.['details']).toEqual([{ message: 'Cannot delete environment that has hooks' }]);
  });

  it('validates name and image URL before calling GHES', async () => {
    const cases = [
      [`createGhesPreReceiveEnvironment(input: { name: " ", imageUrl: "https://x.example.com/a.tgz" }) { id }`, 'name'],
      [`createGhesPreReceiveEnvironment(input: { name: "x", imageUrl: "file:///etc/passwd" }) { id }`, 'imageUrl'],
      [`updateGhesPreReceiveEnvironment(input: { id: "${gid('GhesPreReceiveEnvironment', 2)}" }) { id }`, 'name'],
    ];
    for (const [mutation, field] of cases) {
      const result = await t.gql(`mutation { ${mutation} }`);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ field }] });
    }
    expect(await ghesCalls(t)).toEqual([]);
  });
});
