import { getIntrospectionQuery } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { introspectionOffNote } from '../../src/server/explorer.js';
import type { TestGateway } from '../helpers/startTestGateway.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

/** Misspellings graphql-js answers with a suggestion: a field, an argument, a type condition's field, an enum value in variables. */
const typos = [
  { query: '{ projets(first: 1) { edges { cursor } } }', suggests: /Did you mean "projects"\?/ },
  { query: '{ projects(frist: 1) { edges { cursor } } }', suggests: /Did you mean "first" or "last"\?/ },
  { query: '{ projects(first: 1) { edges { node { members(first: 1) { edges { node { accessLevel } } } } } } }', suggests: /Did you mean to use an inline fragment on "GitLabMember"\?/ },
  { query: 'query ($s: [Service!]) { projects(services: $s, first: 1) { edges { cursor } } }', variables: { s: ['GITLB'] }, suggests: /Did you mean the enum value "GITLAB"\?/ },
] as const;

/** The messages of every error of an answer to each misspelled operation, over HTTP. */
async function typoMessages(t: TestGateway): Promise<string[]> {
  const messages: string[] = [];
  for (const typo of typos) {
    const result = await t.gql(typo.query, 'variables' in typo ? typo.variables : undefined);
    expect(result.data ?? undefined).toBeUndefined();
    expect(result.errors?.length).toBeGreaterThan(0);
    messages.push(...(result.errors ?? []).map((error) => error.message));
  }
  return messages;
}

/** One operation over graphql-ws: its result (or the errors it ended with). */
async function overWebSocket(t: TestGateway, query: string): Promise<{ data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }> {
  const client = createClient({ url: t.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  try {
    return await new Promise((resolve, reject) => {
      let result: { data?: unknown } = {};
      client.subscribe({ query }, { next: (value) => (result = value as typeof result), error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error as Error)), complete: () => resolve(result) });
    });
  } finally {
    await client.dispose();
  }
}

const schemaQuery = '{ __schema { queryType { name } } }';

describe('INTROSPECTION and QUERY_FIELD_SUGGESTIONS defaults', () => {
  it('both on by default, both off with NODE_ENV=production (as Apollo Server does for introspection); each may be set apart', () => {
    expect(loadConfig({})).toMatchObject({ introspection: true, fieldSuggestions: true });
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, fieldSuggestions: false });
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' })).toMatchObject({ introspection: true, fieldSuggestions: true });
    expect(loadConfig({ INTROSPECTION: 'false' })).toMatchObject({ introspection: false, fieldSuggestions: false });
    expect(loadConfig({ INTROSPECTION: 'false', QUERY_FIELD_SUGGESTIONS: 'true' })).toMatchObject({ introspection: false, fieldSuggestions: true });
    expect(loadConfig({ QUERY_FIELD_SUGGESTIONS: 'false' })).toMatchObject({ introspection: true, fieldSuggestions: false });
    expect(() => loadConfig({ INTROSPECTION: 'maybe' })).toThrow('INTROSPECTION');
    expect(() => loadConfig({ QUERY_FIELD_SUGGESTIONS: 'maybe' })).toThrow('QUERY_FIELD_SUGGESTIONS');
  });
});

describe('a gateway with the defaults', () => {
  const t = useTestGateway();

  it('answers introspection and suggests names, over HTTP and graphql-ws', async () => {
    const introspection = await t.gql(getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data?.['__schema'].queryType).toMatchObject({ name: 'Query' });
    const messages = await typoMessages(t);
    for (const typo of typos) expect(messages.some((message) => typo.suggests.test(message))).toBe(true);
    expect(await overWebSocket(t, schemaQuery)).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('serves the explorer with no note', async () => {
    expect(await (await fetch(new URL('/', t.url))).text()).not.toContain(introspectionOffNote);
  });
});

describe('NODE_ENV=production: introspection and suggestions off', () => {
  const t = useTestGateway({ env: { NODE_ENV: 'production' } });

  it('refuses introspection over HTTP (GET and POST) and graphql-ws, before any execution; __typename still answers', async () => {
    const post = await t.gql(getIntrospectionQuery());
    expect(post.status).toBe(400);
    expect(post.data).toBeUndefined();
    expect(post.errors?.[0]).toMatchObject({ message: expect.stringContaining('introspection has been disabled'), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const get = await fetch(`${t.url}?query=${encodeURIComponent('{ __type(name: "Query") { name } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(400);
    expect(((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const ws = await overWebSocket(t, schemaQuery);
    expect(ws.data).toBeUndefined();
    expect(ws.errors?.[0]).toMatchObject({ message: expect.stringContaining('introspection has been disabled'), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect((await t.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('answers a misspelling without naming what it may have meant, on both transports', async () => {
    const messages = await typoMessages(t);
    expect(messages.filter((message) => message.includes('Did you mean'))).toEqual([]);
    expect(messages).toContain('Cannot query field "projets" on type "Query".');
    expect(messages).toContain('Cannot query field "accessLevel" on type "Member".');
    const ws = await overWebSocket(t, typos[0].query);
    expect(ws.errors?.map((error) => error.message)).toEqual(['Cannot query field "projets" on type "Query".']);
  });

  it('says on the explorer page why it has no schema', async () => {
    const html = await (await fetch(new URL('/', t.url))).text();
    expect(html).toContain(introspectionOffNote);
    expect(html).toContain('"introspection":false');
  });
});

describe('each switch on its own', () => {
  describe('QUERY_FIELD_SUGGESTIONS=false alone', () => {
    const t = useTestGateway({ env: { QUERY_FIELD_SUGGESTIONS: 'false' } });

    it('hides suggestions and still answers introspection', async () => {
      expect((await typoMessages(t)).filter((message) => message.includes('Did you mean'))).toEqual([]);
      expect((await t.gql(schemaQuery)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });
  });

  describe('INTROSPECTION=false with QUERY_FIELD_SUGGESTIONS=true', () => {
    const t = useTestGateway({ env: { INTROSPECTION: 'false', QUERY_FIELD_SUGGESTIONS: 'true' } });

    it('refuses introspection and still suggests', async () => {
      expect((await t.gql(schemaQuery)).errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      const messages = await typoMessages(t);
      for (const typo of typos) expect(messages.some((message) => typo.suggests.test(message))).toBe(true);
    });
  });
});
