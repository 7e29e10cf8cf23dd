import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const control = async (path: string, method: string, body?: unknown): Promise<void> => {
  await fetch(`${t.simulators.gitlab.simulator.origin}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
};

const t = useTestGateway();

describe('GitLab failures as GraphQL errors', () => {
  it('a bad token is UNAUTHENTICATED, and the token is never echoed', async () => {
    const secret = 'glpat-not-a-real-token';
    const result = await t.gql(`{ gitlabProject(idOrPath: "1") { name } }`, undefined, { 'x-gitlab-token': secret });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', service: 'gitlab', status: 401 });
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('429 from GitLab is RATE_LIMITED with its Retry-After', async () => {
    await control('/__sim/quota', 'POST', { limit: 1, windowMs: 20_000 });
    try {
      const result = await t.gql(`{ a: gitlabProject(idOrPath: "1") { name } b: gitlabProject(idOrPath: "2") { name } }`);
      const limited = result.errors?.find((error) => error.extensions?.['code'] === 'RATE_LIMITED');
      expect(limited?.extensions).toMatchObject({ code: 'RATE_LIMITED', service: 'gitlab', status: 429 });
      expect(limited?.extensions?.['retryAfter']).toBeGreaterThan(0);
      expect(limited?.extensions?.['retryAfter']).toBeLessThanOrEqual(20);
      expect(result.errors).toHaveLength(1);
    } finally {
      await control('/__sim/quota', 'DELETE');
    }
  });

  it('totalCount is null where GitLab stops counting', async () => {
    t.simulators.gitlab.store.totalsLimit = 3;
    try {
      const result = await t.gql(`{ gitlabProject(idOrPath: "1") { members(first: 2) { totalCount edges { node { ... on GitLabMember { userId } } } pageInfo { hasNextPage } } } }`);
      expect(result.data?.['gitlabProject'].members).toMatchObject({ totalCount: null, pageInfo: { hasNextPage: true } });
      expect(result.data?.['gitlabProject'].members.edges).toHaveLength(2);
    } finally {
      t.simulators.gitlab.store.totalsLimit = 10_000;
    }
  });

  it('an upstream 500 costs only its own field', async () => {
    await control('/__sim/faults', 'POST', { path: '/projects/2$', status: 500, times: 1 });
    const result = await t.gql(`{ a: gitlabProject(idOrPath: "1") { name } b: gitlabProject(idOrPath: "2") { name } }`);
    expect(result.data).toEqual({ a: { name: 'Api' }, b: null });
    expect(result.errors?.[0]).toMatchObject({ path: ['b'], extensions: { code: 'UPSTREAM_ERROR', service: 'gitlab', status: 500 } });
  });
});
