import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { serviceSettings } from '../../src/config/config.js';
import { serviceNames, type ServiceName } from '../../src/config/ServiceName.js';
import { rawExchange, rawRequest } from '../helpers/rawHttp.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

// Client authentication is off and every service has a configured token: the case in which a credential
// that was not a string used to be dropped and the configured token sent in its place.
const t = useTestGateway();

/** One read of each service, each making an upstream call when it runs. */
const readOf: Readonly<Record<ServiceName, string>> = {
  circleci: '{ circleciMe { login } }',
  ghes: '{ ghesGlobalWebhooks(first: 1) { edges { node { url } } } }',
  gitlab: '{ gitlabProject(idOrPath: "acme/api") { name } }',
  concord: '{ concordProjects(org: "Default", first: 1) { edges { node { name } } } }',
  flexstack: '{ flexstackProjects(first: 1) { edges { node { name } } } }',
};

async function upstreamCalls(): Promise<number> {
  let calls = 0;
  for (const service of serviceNames) calls += (await t.requests(service)).length;
  return calls;
}

/** How one operation sent over graphql-ws (a graphql-ws client) ended: its result, or the socket's close. */
async function overWebSocket(connectionParams: Record<string, unknown>, query: string): Promise<{ result?: unknown; close?: { code: number; reason: string } }> {
  const client = createClient({ url: t.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
  try {
    return await new Promise((resolve) => {
      let result: unknown;
      client.subscribe(
        { query },
        {
          next: (value) => {
            result = value;
          },
          error: (error) => {
            const { code, reason } = error as { code: number; reason: string };
            resolve({ close: { code, reason } });
          },
          complete: () => resolve({ result }),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/** Values that are present in connection_init but are no string. */
const notStrings: readonly [string, unknown, string][] = [
  ['a number', 12345, 'is a number, not a string'],
  ['true', true, 'is a boolean, not a string'],
  ['a list', ['a', 'b'], 'is a list, not a string'],
  ['an object', { token: 'x' }, 'is an object, not a string'],
  ['null', null, 'is null, not a string'],
];

describe('a credential that is present but not a usable string is refused on every transport, never replaced by the configured token', () => {
  describe.each(serviceNames)('%s', (service) => {
    const { header } = serviceSettings[service];

    it.each(notStrings)(`graphql-ws: ${header} as %s closes the socket with 4403 UNAUTHENTICATED naming it; no upstream call`, async (_name, value, problem) => {
      const answer = await overWebSocket({ [header]: value }, readOf[service]);
      expect(answer.close?.code).toBe(4403);
      expect(answer.close?.reason).toMatch(/^UNAUTHENTICATED: /);
      expect(answer.close?.reason).toContain(header);
      expect(answer.close?.reason).toContain(problem);
      expect(await upstreamCalls()).toBe(0);
    });

    it('graphql-ws: the same value nested under headers, or beside a string of the same name, is refused too', async () => {
      for (const params of [{ headers: { [header.toUpperCase()]: 12345 } }, { [header]: 'a-token', headers: { [header]: false } }]) {
        const answer = await overWebSocket(params, readOf[service]);
        expect(answer.close?.code).toBe(4403);
        expect(answer.close?.reason).toContain(header);
      }
      expect(await upstreamCalls()).toBe(0);
    });

    it('HTTP: a header value that cannot be a credential is refused with 401 UNAUTHENTICATED naming it; no upstream call', async () => {
      const body = JSON.stringify({ query: readOf[service] });
      const head = rawRequest('POST /graphql HTTP/1.1', ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`]);
      const line = Buffer.from(`${header}: tökén`, 'utf8');
      const answer = await rawExchange(t.url, Buffer.concat([Buffer.from(head.slice(0, -2), 'latin1'), line, Buffer.from(`\r\n\r\n${body}`, 'latin1')]));
      expect(answer.status).toBe(401);
      const json = JSON.parse(answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4)) as { errors: { message: string; extensions: { code: string } }[] };
      expect(json.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
      expect(json.errors[0]?.message).toContain(header);
      expect(await upstreamCalls()).toBe(0);
    });

    it('HTTP: the header sent twice is refused with 401 UNAUTHENTICATED, neither value sent on; no upstream call', async () => {
      const token = t.simulators.tokens[service] ?? '';
      const body = JSON.stringify({ query: readOf[service] });
      const head = rawRequest('POST /graphql HTTP/1.1', ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, `${header}: ${token}`, `${header}: other-${token}`]);
      const answer = await rawExchange(t.url, `${head}${body}`);
      expect(answer.status).toBe(401);
      const json = JSON.parse(answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4)) as { errors: { message: string; extensions: { code: string } }[] };
      expect(json.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
      expect(json.errors[0]?.message).toContain(`${header} header holds a comma`);
      expect(await upstreamCalls()).toBe(0);
    });

    it('a usable string is sent to the service on both transports (so the refusals above are the rule, not a broken read)', async () => {
      const token = t.simulators.tokens[service] ?? '';
      const http = await t.gql(readOf[service], undefined, { [header]: token });
      expect(http.errors).toBeUndefined();
      const ws = await overWebSocket({ [header]: token }, readOf[service]);
      expect(ws.close).toBeUndefined();
      expect(ws.result).toMatchObject({ data: expect.any(Object) });
      expect((await t.requests(service)).length).toBeGreaterThanOrEqual(2);
    });
  });

  it.each(['x-api-key', 'authorization'])('graphql-ws: %s that is not a string is refused though client authentication is off', async (name) => {
    const answer = await overWebSocket({ [name]: 12345 }, readOf.gitlab);
    expect(answer.close?.code).toBe(4403);
    expect(answer.close?.reason).toBe(`UNAUTHENTICATED: The ${name} connection parameter is a number, not a string`);
    expect(await upstreamCalls()).toBe(0);
  });

  it('a blank value is none sent, on both transports: the configured token is used (the explorer sends its header template so)', async () => {
    const ws = await overWebSocket({ 'x-gitlab-token': '' }, readOf.gitlab);
    expect(ws.result).toEqual({ data: { gitlabProject: { name: expect.any(String) } } });
    const http = await t.gql(readOf.gitlab, undefined, { 'x-gitlab-token': ' ' });
    expect(http.data).toEqual({ gitlabProject: { name: expect.any(String) } });
  });
});
