import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { serviceNames } from '../../src/config/ServiceName.js';
import { rawExchange, rawRequest } from '../helpers/rawHttp.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const everyService = `{
  circleciMe { login }
  ghesGlobalWebhooks(first: 1) { edges { node { url } } }
  gitlabProjects(first: 1) { edges { node { name } } }
  concordProjects(org: "Default", first: 1) { edges { node { name } } }
  flexstackProjects(first: 1) { edges { node { name } } }
}`;

async function upstreamCalls(): Promise<number> {
  let calls = 0;
  for (const service of serviceNames) calls += (await t.requests(service)).length;
  return calls;
}

/** POSTs the query with one raw header line, as bytes no fetch() would send. */
async function postWithHeader(headerLine: Buffer): Promise<{ status: number | undefined; body: any }> {
  const body = JSON.stringify({ query: everyService });
  const head = rawRequest('POST /graphql HTTP/1.1', ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`]);
  // The header goes in before the blank line that ends the head.
  const bytes = Buffer.concat([Buffer.from(head.slice(0, -2), 'latin1'), headerLine, Buffer.from(`\r\n\r\n${body}`, 'latin1')]);
  const answer = await rawExchange(t.url, bytes);
  const json = answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4);
  return { status: answer.status, body: json.startsWith('{') ? JSON.parse(json) : json };
}

describe('malformed credential headers over HTTP', () => {
  it.each([
    ['UTF-8 bytes (non-ASCII)', Buffer.from('X-Gitlab-Token: tökén-ключ', 'utf8'), 'x-gitlab-token'],
    ['a Latin-1 byte', Buffer.concat([Buffer.from('X-Concord-Token: abc'), Buffer.from([0xe9]), Buffer.from('def')]), 'x-concord-token'],
    ['an absurd length', Buffer.from(`X-Circleci-Token: ${'a'.repeat(5_000)}`), 'x-circleci-token'],
  ])('a header holding %s is refused as UNAUTHENTICATED naming it, with no upstream call', async (_name, line, header) => {
    const answer = await postWithHeader(line);
    expect(answer.status).toBe(401);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(answer.body.errors[0].message).toContain(header);
    expect(await upstreamCalls()).toBe(0);
  });

  it.each([
    ['a carriage return', 'X-Gitlab-Token: abc\rdef'],
    ['a NUL byte', 'X-Gitlab-Token: abc\u0000def'],
    ['a control character', 'X-Gitlab-Token: abc\u0001def'],
  ])('a header holding %s never gets past the HTTP parser: 400, no upstream call', async (_name, line) => {
    const answer = await postWithHeader(Buffer.from(line, 'latin1'));
    expect(answer.status).toBe(400);
    expect(await upstreamCalls()).toBe(0);
  });

  it('a well-formed header still works beside the others', async () => {
    const result = await t.gql('{ circleciMe { login } }', undefined, { 'x-circleci-token': t.simulators.tokens.circleci ?? '' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['circleciMe']).toEqual({ login: expect.any(String) });
  });
});

/** Opens a graphql-transport-ws connection, sends connection_init, and reports how it went. */
function connectionInit(payload: Record<string, unknown>): Promise<{ acknowledged: boolean; code?: number; reason?: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(t.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error('no answer to connection_init'));
    }, 5_000);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data) => {
      if ((JSON.parse(String(data)) as { type: string }).type === 'connection_ack') {
        clearTimeout(timer);
        socket.close();
        resolve({ acknowledged: true });
      }
    });
    socket.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ acknowledged: false, code, reason: reason.toString() });
    });
    socket.on('error', reject);
  });
}

describe('malformed credentials in connection_init', () => {
  it.each([
    ['a line break', { 'x-gitlab-token': 'abc\r\ndef' }, 'x-gitlab-token'],
    ['a control character', { headers: { 'X-Flexstack-Key': 'flex_\u0007' } }, 'x-flexstack-key'],
    ['non-Latin-1 characters', { 'x-ghes-token': 'токен' }, 'x-ghes-token'],
    ['an absurd length', { 'x-circleci-token': 'a'.repeat(10_000) }, 'x-circleci-token'],
  ])('a value holding %s closes the connection as UNAUTHENTICATED naming it', async (_name, payload, header) => {
    const answer = await connectionInit(payload);
    expect(answer.acknowledged).toBe(false);
    expect(answer.code).toBe(4403);
    expect(answer.reason).toMatch(/^UNAUTHENTICATED: /);
    expect(answer.reason).toContain(header);
    expect(await upstreamCalls()).toBe(0);
  });

  it('a well-formed payload is acknowledged', async () => {
    expect(await connectionInit({ 'x-gitlab-token': 'glpat-abc' })).toEqual({ acknowledged: true });
  });
});
