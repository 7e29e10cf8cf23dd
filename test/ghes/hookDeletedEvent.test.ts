import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { cachedEnv, ok } from '../cache/invalidation/harness.js';
import { hmac, post, waitFor } from '../subscriptions/liveHelpers.js';
import { ghesCalls, gid } from './context.js';

const secret = 'ghes-secret';
const t = useTestGateway({ env: { ...cachedEnv, GHES_WEBHOOK_SECRET: secret } });

describe('a GHES meta event (a hook deleted) purges that hook and the hook list', () => {
  it('answers from the cache until the signed event arrives, then from GHES once', async () => {
    const hook = t.simulators.ghes.store.hooks[0];
    if (hook === undefined) throw new Error('no seeded hook');
    const query = `query ($id: ID!) { ghesGlobalWebhook(id: $id) { hookId } ghesGlobalWebhooks(first: 100) { edges { node { hookId } } } }`;
    const read = async (): Promise<{ one: unknown; all: number[] }> => {
      const data = ok(await t.gql(query, { id: gid('GhesGlobalWebhook', hook.id) }));
      return { one: data['ghesGlobalWebhook'], all: data['ghesGlobalWebhooks'].edges.map((edge: any) => edge.node.hookId) };
    };
    expect((await read()).all).toContain(hook.id);
    await t.clearRequests();
    // Deleted on GHES itself: only the event tells the gateway.
    t.simulators.ghes.store.hooks.splice(t.simulators.ghes.store.hooks.indexOf(hook), 1);
    expect(await read(), 'still cached before the event').toEqual({ one: { hookId: hook.id }, all: expect.arrayContaining([hook.id]) });
    expect(await ghesCalls(t)).toEqual([]);

    const invalidations = t.gateway.cache.stats.snapshot().invalidations;
    const body = JSON.stringify({ action: 'deleted', hook_id: hook.id, hook: { type: 'Global', id: hook.id, name: 'web' } });
    const delivered = await post(t.url, '/webhooks/ghes', body, { 'x-github-event': 'meta', 'x-github-delivery': 'meta-1', 'x-hub-signature-256': `sha256=${hmac(secret, body)}` });
    expect(delivered.status).toBe(202);
    await waitFor(() => t.gateway.cache.stats.snapshot().invalidations > invalidations, 'the event purged the cache');

    const after = await read();
    expect(after.one).toBeNull();
    expect(after.all).not.toContain(hook.id);
    expect((await ghesCalls(t)).sort()).toEqual(['GET /api/v3/admin/hooks', `GET /api/v3/admin/hooks/${hook.id}`]);
  });
});
