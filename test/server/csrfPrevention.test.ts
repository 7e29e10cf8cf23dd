import { describe, expect, it } from 'vitest';
import { serviceSettings } from '../../src/config/config.js';
import { serviceNames } from '../../src/config/ServiceName.js';
import { cachedEnv } from '../cache/invalidation/harness.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const query = '{ circleciProject(slug: "gh/acme/api") { name } }';

describe('CSRF prevention counts the credential headers as preflight headers', () => {
  const t = useTestGateway({ env: { ...cachedEnv, CACHE_TTL_OBJECT_SECONDS: '60', CACHE_STALE_SECONDS: '0' }, runDurationMs: 600_000 });
  const get = async (headers: Record<string, string>): Promise<{ status: number; body: { data?: unknown; errors?: { message: string }[] } }> => {
    const response = await fetch(`${t.url}?${new URLSearchParams({ query })}`, { headers });
    return { status: response.status, body: (await response.json()) as never };
  };
  const answered = (): { hits: number; misses: number } => {
    const cache = t.gateway.operationCache;
    if (cache === undefined) throw new Error('the whole-answer cache is off');
    return cache.counts();
  };

  it.each(serviceNames)('a GET carrying the %s credential header runs, as urql sends its queries', async (service) => {
    const token = t.simulators.tokens[service] ?? '';
    const answer = await get({ [serviceSettings[service].header]: token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { circleciProject: { name: 'api' } } });
  });

  it.each([
    ['x-api-key', 'a-key-of-sixteen-characters'],
    ['authorization', 'Bearer any'],
  ])('a GET carrying %s runs', async (name, value) => {
    expect((await get({ [name]: value })).body).toEqual({ data: { circleciProject: { name: 'api' } } });
  });

  it('a GET with none of them, or an empty one, is still refused as a possible CSRF', async () => {
    for (const headers of [{}, { 'x-gitlab-token': '' }, { 'content-type': 'text/plain', 'x-concord-token': '' }, { 'x-unrelated': 'x' }]) {
      const answer = await get(headers);
      expect(answer.status, JSON.stringify(headers)).toBe(400);
      expect(answer.body.errors?.[0]?.message).toContain('Cross-Site Request Forgery');
    }
  });

  it('the whole-answer cache answers a GET by the same rule: one with a credential header from the cache, one without never', async () => {
    const headers = { 'x-circleci-token': t.simulators.tokens.circleci ?? '' };
    expect((await get(headers)).status).toBe(200);
    const before = answered();
    expect((await get(headers)).body).toEqual({ data: { circleciProject: { name: 'api' } } });
    expect(answered().hits).toBe(before.hits + 1);
    const refused = answered();
    expect((await get({})).status).toBe(400);
    expect(answered()).toEqual(refused);
  });
});
