import { describe, expect, it } from 'vitest';
import { rawExchange, rawRequest } from '../helpers/rawHttp.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway({ env: { GHES_WEBHOOK_SECRET: 'ghes-secret' } });

const upgrade = ['Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13'];

/** The gateway still answers a plain health check on a new connection. */
async function stillServes(): Promise<void> {
  const health = await fetch(new URL('/healthz', t.url));
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
}

describe('malformed request targets', () => {
  it.each([
    ['GET // HTTP/1.1'],
    ['GET //x:99999/graphql HTTP/1.1'],
    ['GET //evil.example/healthz HTTP/1.1'],
    ['GET http:// HTTP/1.1'],
    ['GET http://x:99999/graphql HTTP/1.1'],
    ['GET https://[::1/graphql HTTP/1.1'],
    ['GET * HTTP/1.1'],
    ['OPTIONS * HTTP/1.1'],
    ['GET graphql HTTP/1.1'],
    ['GET mailto:someone@example.com HTTP/1.1'],
    ['POST //graphql HTTP/1.1'],
  ])('%s is answered 400 and the process keeps serving', async (line) => {
    const answer = await rawExchange(t.url, rawRequest(line));
    expect(answer.timedOut).toBe(false);
    expect(answer.status).toBe(400);
    await stillServes();
  });

  it('serves an absolute-form target by its path, whatever host it names', async () => {
    const answer = await rawExchange(t.url, rawRequest('GET http://elsewhere.example/healthz HTTP/1.1'));
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('{"status":"ok"}');
  });

  it('answers 404 for a path with broken percent-encoding', async () => {
    const answer = await rawExchange(t.url, rawRequest('GET /%ZZ%%/x HTTP/1.1'));
    expect(answer.status).toBe(404);
    await stillServes();
  });
});

describe('malformed requests', () => {
  it.each([
    ['an unknown method', rawRequest('BREW /graphql HTTP/1.1'), 400],
    ['a header with a NUL byte', rawRequest('GET /healthz HTTP/1.1', ['X-Test: a\u0000b']), 400],
    ['a header name with a space', rawRequest('GET /healthz HTTP/1.1', ['Bad Name: x']), 400],
    ['a non-numeric Content-Length', rawRequest('POST /graphql HTTP/1.1', ['Content-Length: abc']), 400],
    ['Content-Length beside Transfer-Encoding', rawRequest('POST /graphql HTTP/1.1', ['Content-Length: 3', 'Transfer-Encoding: chunked']), 400],
    ['a header block over the size limit', rawRequest('GET /healthz HTTP/1.1', [`X-Big: ${'a'.repeat(20_000)}`]), 431],
    ['an unsupported HTTP version', 'GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n', 400],
    ['a request line that is not HTTP', 'hello there\r\n\r\n', 400],
  ])('%s is answered with a 4xx', async (_name, bytes, status) => {
    const answer = await rawExchange(t.url, bytes);
    expect(answer.timedOut).toBe(false);
    expect(answer.status).toBe(status);
    await stillServes();
  });

  it('answers 400 to a body shorter than its Content-Length, without an internal error', async () => {
    const bytes = rawRequest('POST /graphql HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 100']) + '{"query":';
    const answer = await rawExchange(t.url, bytes);
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain('INTERNAL_SERVER_ERROR');
    await stillServes();
  });

  it('answers 400 to a webhook body cut short', async () => {
    const bytes = rawRequest('POST /webhooks/ghes HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 50']) + '{"zen":';
    const answer = await rawExchange(t.url, bytes);
    expect(answer.status).toBe(400);
    await stillServes();
  });

  it.each([
    ['DELETE /healthz HTTP/1.1', 405],
    ['POST /readyz HTTP/1.1', 405],
    ['PUT /metrics HTTP/1.1', 405],
    ['PUT /graphql HTTP/1.1', 405],
    ['GET /webhooks/ghes HTTP/1.1', 405],
  ])('%s is answered %i', async (line, status) => {
    const answer = await rawExchange(t.url, rawRequest(line, ['Content-Length: 0']));
    expect(answer.status).toBe(status);
    await stillServes();
  });

  it('survives a client that resets the connection mid-request', async () => {
    const { connect } = await import('node:net');
    const { hostname, port } = new URL(t.url);
    await new Promise<void>((resolve) => {
      const socket = connect({ host: hostname, port: Number(port) }, () => {
        socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":"{');
        setTimeout(() => {
          socket.resetAndDestroy();
          resolve();
        }, 50);
      });
      socket.on('error', () => undefined);
    });
    await stillServes();
  });
});

describe('malformed WebSocket upgrades', () => {
  it.each([
    ['GET // HTTP/1.1', 400],
    ['GET //x:99999/graphql HTTP/1.1', 400],
    ['GET http:// HTTP/1.1', 400],
    ['GET * HTTP/1.1', 400],
    ['GET /elsewhere HTTP/1.1', 404],
  ])('an upgrade with target %s is answered %i and the process keeps serving', async (line, status) => {
    const answer = await rawExchange(t.url, rawRequest(line, upgrade));
    expect(answer.timedOut).toBe(false);
    expect(answer.status).toBe(status);
    await stillServes();
  });

  it.each([
    ['no key', ['Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Version: 13']],
    ['another protocol', ['Upgrade: h2c', 'Connection: Upgrade', 'HTTP2-Settings: AAMAAABkAAQAAP__']],
    ['a wrong version', ['Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 99']],
  ])('an upgrade of /graphql with %s is answered with a 4xx', async (_name, headers) => {
    const answer = await rawExchange(t.url, rawRequest('GET /graphql HTTP/1.1', headers));
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    await stillServes();
  });

  it('survives a client that resets the connection during an upgrade', async () => {
    const { connect } = await import('node:net');
    const { hostname, port } = new URL(t.url);
    for (const target of ['/elsewhere', '//', '/graphql']) {
      await new Promise<void>((resolve) => {
        const socket = connect({ host: hostname, port: Number(port) }, () => {
          socket.write(rawRequest(`GET ${target} HTTP/1.1`, upgrade));
          socket.resetAndDestroy();
          resolve();
        });
        socket.on('error', () => undefined);
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    await stillServes();
  });
});
