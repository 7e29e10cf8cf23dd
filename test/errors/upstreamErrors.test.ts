import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway({ env: { UPSTREAM_TIMEOUT_MS: '300' } });

const twoProjects = `{ a: circleciProject(slug: "gh/acme/api") { name } b: circleciProject(slug: "gh/acme/web") { name } }`;

describe('upstream failures as GraphQL errors', () => {
  it('a missing object is null with no error, as a nullable lookup should be', async () => {
    const result = await t.gql(`{ circleciProject(slug: "gh/acme/nope") { name } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ circleciProject: null });
  });

  it('an upstream 500 costs only its own field, with code and service', async () => {
    await t.fault('circleci', { path: '/project/gh/acme/web$', status: 500 });
    const result = await t.gql(twoProjects);
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ a: { name: 'api' }, b: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({ path: ['b'], extensions: { code: 'UPSTREAM_ERROR', service: 'circleci', status: 500 } });
  });

  it('maps 429 to RATE_LIMITED with the Retry-After seconds', async () => {
    await t.fault('circleci', { path: '/project/gh/acme/web$', status: 429, headers: { 'retry-after': '17' } });
    const result = await t.gql(twoProjects);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', service: 'circleci', retryAfter: 17 });
    expect(result.data?.['a']).toEqual({ name: 'api' });
  });

  it('maps 403 to FORBIDDEN and 401 to UNAUTHENTICATED', async () => {
    await t.fault('circleci', { path: '/project/gh/acme/web$', status: 403 });
    await t.fault('circleci', { path: '/project/gh/acme/api$', status: 401 });
    const result = await t.gql(twoProjects);
    const codes = Object.fromEntries((result.errors ?? []).map((e) => [e.path?.[0], e.extensions?.['code']]));
    expect(codes).toEqual({ a: 'UNAUTHENTICATED', b: 'FORBIDDEN' });
  });

  it('a slow upstream becomes UPSTREAM_TIMEOUT within the configured timeout', async () => {
    await t.fault('circleci', { path: '/project/gh/acme/web$', latencyMs: 1500, times: 1 });
    const result = await t.gql(twoProjects);
    expect(result.errors?.[0]).toMatchObject({ path: ['b'], extensions: { code: 'UPSTREAM_TIMEOUT', service: 'circleci' } });
    expect(result.data?.['a']).toEqual({ name: 'api' });
  });

  it("uses the client's token over the configured one, and never echoes it", async () => {
    const secret = 'sekrit-token-that-must-not-leak';
    const result = await t.gql(`{ circleciProject(slug: "gh/acme/api") { name } }`, undefined, { 'x-circleci-token': secret });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', service: 'circleci' });
    expect(JSON.stringify(result)).not.toContain(secret);
    // A token that sees another organization only gets a not-found for acme's projects.
    const linus = await t.gql(`{ circleciProject(slug: "gh/acme/api") { name } }`, undefined, { 'x-circleci-token': 'circleci-token-linus' });
    expect(linus.data).toEqual({ circleciProject: null });
  });

  it('a 200 whose body is not the declared object is an upstream error naming the service, not empty data', async () => {
    await t.fault('circleci', { path: '/project/gh/acme/web$', status: 200, body: 'not json at all' });
    const result = await t.gql(`{ circleciProject(slug: "gh/acme/web") { name slug } }`);
    expect(result.errors?.[0]).toMatchObject({ message: 'Unexpected response from CircleCI', extensions: { code: 'UPSTREAM_ERROR', service: 'circleci', status: 200 } });
    expect(result.data).toEqual({ circleciProject: null });
  });
});

describe('request-level errors', () => {
  it('a syntax error is GRAPHQL_PARSE_FAILED, an unknown field GRAPHQL_VALIDATION_FAILED', async () => {
    expect((await t.gql('{ circleciProject(')).errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
    expect((await t.gql('{ nope }')).errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a malformed node id is BAD_USER_INPUT', async () => {
    const result = await t.gql('{ node(id: "!!!") { id } }');
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
