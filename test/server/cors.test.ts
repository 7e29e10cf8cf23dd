import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/config/ConfigError.js';
import type { TestGateway } from '../helpers/startTestGateway.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const portal = 'https://portal.example.com';
const elsewhere = 'https://elsewhere.example';
const query = JSON.stringify({ query: '{ __typename }' });

function preflight(t: TestGateway, origin: string): Promise<Response> {
  return fetch(t.url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-gitlab-token' },
  });
}

function post(t: TestGateway, origin: string | undefined): Promise<Response> {
  return fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(origin === undefined ? {} : { origin }) }, body: query });
}

/** The status a WebSocket upgrade is answered with: 101 when it opened. */
function upgrade(t: TestGateway, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(t.url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

describe('without CORS_ORIGINS', () => {
  const t = useTestGateway();

  it('answers no preflight and grants no origin: a page of another origin can send only simple requests, which CSRF prevention refuses', async () => {
    const answer = await preflight(t, portal);
    expect(answer.status).toBe(405);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const posted = await post(t, portal);
    expect(posted.status).toBe(200);
    expect(posted.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("refuses a WebSocket from a page of another host (browsers apply no CORS to WebSockets), and lets the gateway's own pages and non-browser clients connect", async () => {
    const own = new URL(t.url).origin;
    expect(await upgrade(t, { origin: elsewhere })).toBe(403);
    expect(await upgrade(t, { origin: 'null' })).toBe(403);
    expect(await upgrade(t, { origin: own })).toBe(101);
    expect(await upgrade(t, {})).toBe(101);
    // Behind a proxy that keeps the public host in X-Forwarded-Host (a browser cannot set it).
    expect(await upgrade(t, { origin: 'https://gateway.example.com', 'x-forwarded-host': 'gateway.example.com' })).toBe(101);
    expect(await upgrade(t, { origin: elsewhere, 'x-forwarded-host': 'gateway.example.com' })).toBe(403);
  });
});

describe('with CORS_ORIGINS', () => {
  const t = useTestGateway({ env: { CORS_ORIGINS: `${portal}, http://localhost:3000` } });

  it("answers a listed origin's preflight with its own origin, the methods and the credential headers, and nothing else's", async () => {
    const answer = await preflight(t, portal);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(portal);
    expect(answer.headers.get('access-control-allow-methods')).toBe('GET, POST');
    const allowedHeaders = answer.headers.get('access-control-allow-headers')?.split(', ') ?? [];
    expect(allowedHeaders).toEqual(expect.arrayContaining(['content-type', 'x-gitlab-token', 'x-circleci-token', 'authorization', 'x-api-key', 'apollo-require-preflight']));
    expect(answer.headers.get('vary')).toContain('origin');
    const other = await preflight(t, elsewhere);
    expect(other.status).toBe(405);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a listed origin read the answer (and its request id), and no other origin', async () => {
    const answer = await post(t, portal);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(portal);
    expect(answer.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
    const other = await post(t, elsewhere);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('vary')).toContain('origin');
  });

  it("opens the WebSocket to a listed origin's pages, not to another's", async () => {
    expect(await upgrade(t, { origin: 'http://localhost:3000' })).toBe(101);
    expect(await upgrade(t, { origin: elsewhere })).toBe(403);
  });
});

describe('CORS_ORIGINS=*', () => {
  const t = useTestGateway({ env: { CORS_ORIGINS: '*' } });

  it('grants every origin, each answered with its own', async () => {
    expect((await preflight(t, elsewhere)).headers.get('access-control-allow-origin')).toBe(elsewhere);
    expect(await upgrade(t, { origin: elsewhere })).toBe(101);
  });
});

describe('CORS_ORIGINS values', () => {
  it.each(['https://portal.example.com/', 'https://portal.example.com/app', 'portal.example.com', 'ftp://portal.example.com', 'https://portal.example.com:443'])('refuses %s at start-up', (value) => {
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(ConfigError);
  });

  it('takes origins with a port, and *', () => {
    expect(loadConfig({ CORS_ORIGINS: 'http://localhost:3000,https://a.example' }).corsOrigins).toEqual(['http://localhost:3000', 'https://a.example']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
  });
});
