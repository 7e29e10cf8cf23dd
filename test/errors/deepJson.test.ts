import { describe, expect, it } from 'vitest';
import { serviceNames } from '../../src/config/ServiceName.js';
import { maxJsonDepth, nestedDeeperThan } from '../../src/http/jsonDepth.js';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { subscribe, waitFor, wsClient } from '../subscriptions/liveHelpers.js';

/** A list nested `depth` levels deep, as JSON text: `[[[…]]]`. */
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const query = 'query Deep($ids: [[[ID]]]) { circleciProject(slug: "gh/acme/api") { name } ids: __typename }';

describe('JSON nested past any use', () => {
  // The whole-answer cache on: its key is built from the variables too.
  const t = useTestGateway({ env: { CACHE_ENABLED: 'true' } });

  const upstreamCalls = async (): Promise<number> => {
    let calls = 0;
    for (const service of serviceNames) calls += (await t.requests(service)).length;
    return calls;
  };

  it.each([maxJsonDepth + 1, 5_000, 200_000])('in a POST body (%i levels) is a 400 BAD_REQUEST, with no upstream call', async (depth) => {
    const body = `{"query":${JSON.stringify(query)},"variables":{"ids":${nested(depth)}}}`;
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(answer.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(answer.errors[0]?.message).toContain(`${maxJsonDepth} levels`);
    expect(await upstreamCalls()).toBe(0);
    // And the gateway goes on answering.
    expect((await t.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('in GET variables or extensions is a 400 BAD_REQUEST too', async () => {
    for (const name of ['variables', 'extensions']) {
      const params = new URLSearchParams({ query, [name]: `{"ids":${nested(1_000)}}` });
      const response = await fetch(`${t.url}?${params}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(response.status, name).toBe(400);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('BAD_REQUEST');
    }
    expect(await upstreamCalls()).toBe(0);
  });

  it('in a subscription\'s variables is refused with BAD_REQUEST before it starts', async () => {
    const client = wsClient(t.url);
    try {
      const sub = subscribe(client, 'subscription ($slug: String!) { circleciPipelineStatusChanged(projectSlug: $slug) { status } }', { slug: 'gh/acme/api', extra: JSON.parse(nested(200)) });
      await waitFor(() => sub.error !== undefined || sub.results.length > 0, 'the refusal');
      const errors = (sub.error ?? sub.results[0]?.errors) as { extensions?: Record<string, unknown> }[];
      expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST' });
    } finally {
      await client.dispose();
    }
    expect(await upstreamCalls()).toBe(0);
  });

  it('up to the limit is served as before', async () => {
    // The envelope is one level and extensions another: this body is nested exactly as deep as allowed.
    const body = `{"query":"{ __typename }","extensions":{"x":${nested(maxJsonDepth - 2)}}}`;
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('nestedDeeperThan', () => {
  it('counts arrays and objects, not scalars, without recursion', () => {
    expect(nestedDeeperThan('text', 0)).toBe(false);
    expect(nestedDeeperThan({ a: [1, { b: 2 }] }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: [1, { b: 2 }] }, 2)).toBe(true);
    expect(nestedDeeperThan(JSON.parse(nested(1_000_000)), 64)).toBe(true);
  });
});
