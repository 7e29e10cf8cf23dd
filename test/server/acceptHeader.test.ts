import { ApolloServer, HeaderMap } from '@apollo/server';
import Negotiator from 'negotiator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acceptForApollo } from '../../src/server/acceptHeader.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } });

beforeAll(async () => {
  await apollo.start();
});

afterAll(async () => {
  await apollo.stop();
});

async function answer(accept: string | undefined, query: string): Promise<{ status: number | undefined; type: string | undefined; body: string }> {
  const headers = new HeaderMap([['content-type', 'application/json']]);
  if (accept !== undefined) headers.set('accept', accept);
  const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers, search: '', body: { query } }, context: async () => ({}) });
  return { status: response.status, type: response.headers.get('content-type'), body: response.body.kind === 'complete' ? response.body.string : '(chunked)' };
}

const accepts = [
  '',
  'application/json',
  '*/*',
  'application/graphql-response+json',
  'application/graphql-response+json, application/json;q=0.9',
  'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
  'application/json;q=0.5, application/graphql-response+json',
  'application/json; callbackSpec=1.0',
  'multipart/mixed; deferSpec=20220824, application/json',
  'application/*',
  'text/html',
  'text/plain',
];

describe('the Accept header handed to Apollo Server', () => {
  it.each(accepts)('gets the answer Apollo Server gives for Accept "%s" itself', async (accept) => {
    for (const query of ['{ hello }', '{ nope }', '{']) {
      expect(await answer(acceptForApollo(accept), query)).toEqual(await answer(accept, query));
    }
  });

  it('is worked out once per distinct header value', () => {
    const accept = 'application/graphql-response+json;q=0.8, application/json;q=0.9';
    const negotiations = vi.spyOn(Negotiator.prototype, 'mediaType');
    try {
      for (let i = 0; i < 5; i++) expect(acceptForApollo(accept)).toBeUndefined();
      expect(negotiations).toHaveBeenCalledTimes(1);
    } finally {
      negotiations.mockRestore();
    }
  });
});

describe('the gateway answers by the Accept header', () => {
  const t = useTestGateway();
  const post = (accept: string): Promise<Response> =>
    fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query: '{ __typename }' }) });

  it('with the GraphQL-over-HTTP type when preferred, JSON when preferred, 406 when neither is acceptable', async () => {
    expect((await post('application/graphql-response+json, application/json;q=0.9')).headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect((await post('application/json, application/graphql-response+json;q=0.5')).headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await post('text/plain')).status).toBe(406);
  });
});
