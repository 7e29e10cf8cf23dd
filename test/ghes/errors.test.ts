import { describe, expect, it } from 'vitest';
import { ghesControl, gid, useGhesGateway } from './context.js';

const t = useGhesGateway();

const hook = `{ ghesGlobalWebhook(id: "${gid('GhesGlobalWebhook', 1)}") { hookId } }`;
const api = (path: string, token = 'demo-ghes-token'): Promise<Response> =>
  fetch(`${t.simulators.ghes.simulator.origin}/api/v3${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('GHES failures as GraphQL errors', () => {
  it('a spent primary quota (403, x-ratelimit-remaining 0) is RATE_LIMITED with retryAfter from x-ratelimit-reset', async () => {
    await ghesControl(t, 'quota', { limit: 1, windowMs: 30_000 });
    expect((await t.gql(hook)).errors).toBeUndefined();
    const limited = await t.gql(hook);
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', service: 'ghes', status: 403 });
    const retryAfter = limited.errors?.[0]?.extensions?.['retryAfter'] as number;
    expect(retryAfter).toBeGreaterThan(20);
    expect(retryAfter).toBeLessThanOrEqual(31);
  });

  it('a secondary limit (429 with Retry-After) is RATE_LIMITED with those seconds', async () => {
    t.simulators.ghes.store.rateLimitMode = 'secondary';
    await ghesControl(t, 'quota', { limit: 0, windowMs: 45_000 });
    const limited = await t.gql(hook);
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', service: 'ghes', status: 429, retryAfter: 45 });
  });

  it('an injected 429 with retry-after is RATE_LIMITED too', async () => {
    await ghesControl(t, 'faults', { path: '/admin/hooks/1$', status: 429, headers: { 'retry-after': '9' } });
    const limited = await t.gql(hook);
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 9 });
  });

  it('a token that is not a site admin gets GHES 404s: null for a lookup, NOT_FOUND for a write', async () => {
    const headers = { 'x-ghes-token': t.simulators.restrictedTokens.ghes ?? '' };
    const read = await t.gql(hook, undefined, headers);
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ ghesGlobalWebhook: null });
    const write = await t.gql(`mutation { syncGhesLdapTeam(input: { teamId: 1 }) { status } }`, undefined, headers);
    expect(write.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', service: 'ghes', status: 404 });
  });

  it('a bad token is UNAUTHENTICATED and is never echoed', async () => {
    const secret = 'ghp_not-a-real-token';
    const result = await t.gql(`{ ghesGlobalWebhooks(first: 1) { edges { cursor } } }`, undefined, { 'x-ghes-token': secret });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', service: 'ghes', status: 401 });
    expect(result.errors?.[0]?.message).toBe('GitHub Enterprise Server: Bad credentials');
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('an upstream 500 costs only its own field', async () => {
    await ghesControl(t, 'faults', { path: '/admin/hooks/1$', status: 500 });
    const result = await t.gql(`{ a: ghesGlobalWebhook(id: "${gid('GhesGlobalWebhook', 1)}") { hookId } b: ghesGlobalWebhook(id: "${gid('GhesGlobalWebhook', 2)}") { hookId } }`);
    expect(result.data).toEqual({ a: null, b: { hookId: 2 } });
    expect(result.errors?.[0]).toMatchObject({ path: ['a'], extensions: { code: 'UPSTREAM_ERROR', service: 'ghes', status: 500 } });
  });
});

describe('the GHES simulator speaks like GHES', () => {
  it('sends x-ratelimit-* headers on successes and errors alike, counting down', async () => {
    const first = await api('/admin/hooks?per_page=1');
    const second = await api('/admin/hooks/99999');
    expect(second.status).toBe(404);
    for (const response of [first, second]) {
      for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-used', 'x-ratelimit-reset', 'x-ratelimit-resource']) {
        expect(response.headers.get(name)).not.toBeNull();
      }
    }
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(Number(first.headers.get('x-ratelimit-remaining')) - 1);
    expect(first.headers.get('link')).toMatch(/page=2>; rel="next"/);
    expect(await second.json()).toEqual({ message: 'Not Found', documentation_url: expect.stringContaining('docs.github.com') });
  });

  it('answers 401 Bad credentials with documentation_url, and 404 on admin routes for non-admins', async () => {
    const bad = await api('/admin/hooks', 'wrong');
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ message: 'Bad credentials', documentation_url: expect.any(String) });
    const notAdmin = await api('/admin/keys', t.simulators.restrictedTokens.ghes);
    expect(notAdmin.status).toBe(404);
  });

  it('caps per_page at 100 and defaults it to 30', async () => {
    const capped = (await (await api('/admin/hooks?per_page=500')).json()) as unknown[];
    expect(capped).toHaveLength(45);
    const defaulted = (await (await api('/admin/hooks')).json()) as unknown[];
    expect(defaulted).toHaveLength(30);
  });
});
