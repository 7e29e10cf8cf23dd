import { describe, expect, it } from 'vitest';
import { ghesCalls, gid, useGhesGateway } from './context.js';

const t = useGhesGateway();

const list = /* GraphQL */ `
  query ($first: Int, $after: String) {
    ghesGlobalWebhooks(first: $first, after: $after) {
      edges { cursor node { id hookId url events active contentType insecureSsl hasSecret service } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
`;

const fields = 'id hookId name type url events active contentType rawContentType insecureSsl hasSecret apiUrl pingUrl createdAt updatedAt service';

describe('GHES global webhooks through GraphQL', () => {
  it('maps first to per_page and follows Link rel="next" with the same per_page', async () => {
    const first = await t.gql(list, { first: 20 });
    expect(first.errors).toBeUndefined();
    const connection = first.data?.['ghesGlobalWebhooks'];
    expect(connection.edges.map((e: any) => e.node.hookId)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(connection.edges[1].node).toMatchObject({ service: 'GHES', hasSecret: true, contentType: 'JSON' });

    const second = await t.gql(list, { first: 20, after: connection.pageInfo.endCursor });
    expect(second.data?.['ghesGlobalWebhooks'].edges.map((e: any) => e.node.hookId)).toEqual(Array.from({ length: 20 }, (_, i) => i + 21));
    const third = await t.gql(list, { first: 20, after: second.data?.['ghesGlobalWebhooks'].pageInfo.endCursor });
    const rest = third.data?.['ghesGlobalWebhooks'];
    expect(rest.edges.map((e: any) => e.node.hookId)).toEqual([41, 42, 43, 44, 45]);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const pages = (await t.requests('ghes')).filter((r) => r.path === '/api/v3/admin/hooks');
    expect(pages.map((r) => r.query)).toEqual([
      { per_page: '20', page: '1' },
      { per_page: '20', page: '2' },
      { per_page: '20', page: '3' },
    ]);
  });

  it('keeps the cursor page size when a later request asks for a different first', async () => {
    const first = await t.gql(list, { first: 10 });
    const cursor = first.data?.['ghesGlobalWebhooks'].pageInfo.endCursor;
    await t.clearRequests();
    const next = await t.gql(list, { first: 25, after: cursor });
    expect(next.data?.['ghesGlobalWebhooks'].edges.map((e: any) => e.node.hookId)).toEqual(Array.from({ length: 25 }, (_, i) => i + 11));
    const pages = (await t.requests('ghes')).map((r) => r.query);
    // Pages 2, 3 and 4 of 10: the cursor's per_page, walked by Link rel="next".
    expect(pages).toEqual([
      { per_page: '10', page: '2' },
      { per_page: '10', page: '3' },
      { per_page: '10', page: '4' },
    ]);
  });

  it('resumes mid-page from a cursor without skipping or repeating a hook', async () => {
    const first = await t.gql(list, { first: 3 });
    const cursor = first.data?.['ghesGlobalWebhooks'].edges[1].cursor;
    const next = await t.gql(list, { first: 3, after: cursor });
    expect(next.data?.['ghesGlobalWebhooks'].edges.map((e: any) => e.node.hookId)).toEqual([3, 4, 5]);
  });

  it('sends the Accept and X-GitHub-Api-Version headers and a Bearer token on every call', async () => {
    await t.gql(list, { first: 2 });
    await t.gql(`mutation ($id: ID!) { pingGhesGlobalWebhook(input: { id: $id }) { webhookId } }`, { id: gid('GhesGlobalWebhook', 3) });
    const seen = t.simulators.ghes.store.headerLog;
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const record of seen) {
      expect(record).toMatchObject({ accept: 'application/vnd.github+json', apiVersion: '2022-11-28', authorization: 'Bearer ***' });
    }
  });

  it('gets one hook by global id and through node(), answering null for a missing one', async () => {
    const result = await t.gql(`query ($id: ID!) { ghesGlobalWebhook(id: $id) { ${fields} } node(id: $id) { id ... on Webhook { url } } }`, {
      id: gid('GhesGlobalWebhook', 11),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['ghesGlobalWebhook']).toMatchObject({
      hookId: 11,
      name: 'web',
      type: 'Global',
      url: 'https://hooks4.example.com/ghes/11',
      insecureSsl: true,
      hasSecret: false,
      pingUrl: expect.stringMatching(/\/api\/v3\/admin\/hooks\/11\/pings$/),
    });
    expect(result.data?.['node'].url).toBe('https://hooks4.example.com/ghes/11');
    // ghesGlobalWebhook and node() share one GET.
    expect(await ghesCalls(t)).toEqual(['GET /api/v3/admin/hooks/11']);
    const missing = await t.gql(`{ ghesGlobalWebhook(id: "${gid('GhesGlobalWebhook', 999)}") { id } }`);
    expect(missing).toMatchObject({ data: { ghesGlobalWebhook: null } });
    expect(missing.errors).toBeUndefined();
  });

  it('creates a hook with name "web", the given settings, and a masked secret', async () => {
    const result = await t.gql(
      `mutation ($input: CreateGhesGlobalWebhookInput!) { createGhesGlobalWebhook(input: $input) { ${fields} } }`,
      { input: { url: 'https://ops.example.com/ghes', contentType: 'JSON', secret: 's3cret', events: ['user', 'organization', 'user'] } },
    );
    expect(result.errors).toBeUndefined();
    const hook = result.data?.['createGhesGlobalWebhook'];
    expect(hook).toMatchObject({ name: 'web', url: 'https://ops.example.com/ghes', contentType: 'JSON', hasSecret: true, active: true, insecureSsl: false });
    expect(hook.events).toEqual(['user', 'organization']);
    expect(JSON.stringify(result)).not.toContain('s3cret');
    expect(await ghesCalls(t)).toEqual(['POST /api/v3/admin/hooks']);
    const stored = t.simulators.ghes.store.hooks.find((h) => h.id === hook.hookId);
    expect(stored?.config).toEqual({ url: 'https://ops.example.com/ghes', contentType: 'json', insecureSsl: '0', secret: 's3cret' });
  });

  it('updates a hook and, as GHES does, resets every omitted setting to its default', async () => {
    // Hook 2 starts with a json content type, a secret and events [user].
    const id = gid('GhesGlobalWebhook', 2);
    const before = t.simulators.ghes.store.hooks.find((h) => h.id === 2);
    expect(before?.config.secret).not.toBeNull();
    const result = await t.gql(
      `mutation ($input: UpdateGhesGlobalWebhookInput!) { updateGhesGlobalWebhook(input: $input) { ${fields} } }`,
      { input: { id, url: 'https://example.com/webhook', events: ['organization'] } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['updateGhesGlobalWebhook']).toMatchObject({
      hookId: 2,
      url: 'https://example.com/webhook',
      events: ['organization'],
      contentType: 'FORM',
      insecureSsl: false,
      hasSecret: false,
      active: true,
    });
    const get = await t.gql(`{ ghesGlobalWebhook(id: "${id}") { contentType hasSecret } }`);
    expect(get.data?.['ghesGlobalWebhook']).toEqual({ contentType: 'FORM', hasSecret: false });
  });

  it('reports the secret an update sets, though GHES answers an update without config.secret', async () => {
    const id = gid('GhesGlobalWebhook', 3);
    const update = `mutation ($input: UpdateGhesGlobalWebhookInput!) { updateGhesGlobalWebhook(input: $input) { hookId hasSecret } }`;
    const withSecret = await t.gql(update, { input: { id, url: 'https://example.com/signed', secret: 'n3w-secret' } });
    expect(withSecret.errors).toBeUndefined();
    expect(withSecret.data?.['updateGhesGlobalWebhook']).toEqual({ hookId: 3, hasSecret: true });
    expect(t.simulators.ghes.store.hooks.find((h) => h.id === 3)?.config.secret).toBe('n3w-secret');
    const get = await t.gql(`{ ghesGlobalWebhook(id: "${id}") { hasSecret } }`);
    expect(get.data?.['ghesGlobalWebhook']).toEqual({ hasSecret: true });
    // Sent without one, the update removes it, and says so.
    const without = await t.gql(update, { input: { id, url: 'https://example.com/signed' } });
    expect(without.data?.['updateGhesGlobalWebhook']).toEqual({ hookId: 3, hasSecret: false });
    expect(t.simulators.ghes.store.hooks.find((h) => h.id === 3)?.config.secret).toBeNull();
  });

  it('pings a hook (204) and deletes one (204), after which it is gone', async () => {
    const id = gid('GhesGlobalWebhook', 5);
    const ping = await t.gql(`mutation { pingGhesGlobalWebhook(input: { id: "${id}" }) { webhookId webhook { hookId } } }`);
    expect(ping.errors).toBeUndefined();
    expect(ping.data?.['pingGhesGlobalWebhook']).toEqual({ webhookId: id, webhook: { hookId: 5 } });
    expect(t.simulators.ghes.store.events).toContain('ping hook 5');
    await t.clearRequests();
    const bare = await t.gql(`mutation { pingGhesGlobalWebhook(input: { id: "${id}" }) { webhookId } }`);
    expect(bare.errors).toBeUndefined();
    // Without the webhook selected, the ping is the only call.
    expect(await ghesCalls(t)).toEqual(['POST /api/v3/admin/hooks/5/pings']);

    const deleted = await t.gql(`mutation { deleteGhesGlobalWebhook(input: { id: "${id}" }) { deletedId } }`);
    expect(deleted.data?.['deleteGhesGlobalWebhook']).toEqual({ deletedId: id });
    expect(await ghesCalls(t)).toContain('DELETE /api/v3/admin/hooks/5');
    const after = await t.gql(`{ ghesGlobalWebhook(id: "${id}") { id } }`);
    expect(after.data?.['ghesGlobalWebhook']).toBeNull();
  });

  it('rejects a bad URL, empty events, UNKNOWN content type or a foreign id before calling GHES', async () => {
    const create = `mutation ($input: CreateGhesGlobalWebhookInput!) { createGhesGlobalWebhook(input: $input) { id } }`;
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'ftp://example.com/x' }, 'url'],
      [{ url: 'not a url' }, 'url'],
      [{ url: 'https://example.com', events: [] }, 'events'],
      [{ url: 'https://example.com', events: ['  '] }, 'events'],
      [{ url: 'https://example.com', contentType: 'UNKNOWN' }, 'contentType'],
      [{ url: 'https://example.com', secret: '' }, 'secret'],
    ];
    for (const [input, field] of cases) {
      const result = await t.gql(create, { input });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ field }] });
    }
    const foreign = await t.gql(`mutation { deleteGhesGlobalWebhook(input: { id: "${gid('GhesPreReceiveEnvironment', 2)}" }) { deletedId } }`);
    expect(foreign.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await ghesCalls(t)).toEqual([]);
  });

  it("surfaces GHES's 422 field errors as BAD_USER_INPUT with details", async () => {
    const result = await t.gql(`mutation { createGhesGlobalWebhook(input: { url: "https://example.com", events: ["push"] }) { id } }`);
    expect(result.errors?.[0]?.message).toBe('GitHub Enterprise Server: Validation Failed');
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      service: 'ghes',
      status: 422,
      details: [{ field: 'events', message: '"push" is not a valid event name' }],
    });
    expect(await ghesCalls(t)).toEqual(['POST /api/v3/admin/hooks']);
  });

  it('refuses last/before, since GHES pages forwards only', async () => {
    const result = await t.gql(`{ ghesGlobalWebhooks(last: 2) { edges { cursor } } }`);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
