import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { captureLogger } from '../cache/logCapture.js';
import type { TestGateway } from '../helpers/startTestGateway.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

type Outcome = { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

/** One operation over graphql-ws: its first result, or the errors it was refused with. */
async function overWebSocket(t: TestGateway, query: string, variables: Record<string, unknown>): Promise<Outcome> {
  const client = createClient({ url: t.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  try {
    return await new Promise<Outcome>((resolve, reject) => {
      const stop = client.subscribe(
        { query, variables },
        {
          next: (value) => {
            resolve(value as Outcome);
            stop();
          },
          error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error as Error)),
          complete: () => resolve({}),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

const captured = captureLogger();
const t = useTestGateway({ logger: captured.logger });

const projectsQuery = 'query ($first: Int, $services: [Service!]) { projects(first: $first, services: $services) { edges { node { id } } } }';
const liveSubscription = 'subscription ($p: [ID!]!) { pipelinesChanged(projects: $p) { source } }';

describe('variables that do not fit their types, over graphql-ws', () => {
  it.each([
    ['a list where an Int goes', projectsQuery, { first: [1] }],
    ['a string where an Int goes', projectsQuery, { first: 'ten' }],
    ['an enum value that does not exist', projectsQuery, { services: ['JENKINS'] }],
    ['null in a list of non-null values', projectsQuery, { services: [null] }],
  ])('%s: refused with BAD_USER_INPUT and the message HTTP gives', async (_name, query, variables) => {
    const [http, ws] = await Promise.all([t.gql(query, variables), overWebSocket(t, query, variables)]);
    expect(http.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(ws.errors?.map((error) => [error.message, error.extensions?.['code']])).toEqual(http.errors?.map((error) => [error.message, error.extensions?.['code']]));
  });

  it.each([
    ['a list inside the list of ids', { p: [['x']] }],
    ['null among the ids', { p: [null] }],
    ['no ids at all', {}],
    ['an object for the list', { p: { nested: true } }],
  ])('pipelinesChanged with %s: BAD_USER_INPUT naming the variable, nothing logged as unexpected', async (_name, variables) => {
    const before = captured.lines.length;
    const ws = await overWebSocket(t, liveSubscription, variables);
    expect(ws.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(ws.errors?.[0]?.message).toContain('Variable "$p"');
    expect(captured.lines.slice(before).filter((line) => line.level === 50)).toEqual([]);
  });
});
