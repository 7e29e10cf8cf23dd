import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

/**
 * A GitLab that answers badly on purpose: a body that trickles in a byte at a
 * time for as long as it is let, and a body larger than the gateway reads.
 * Every other path is a GitLab 404.
 */
let hostile: Server;
let origin = '';
const open = new Set<ServerResponse>();
const timeoutMs = 600;
const maxBytes = 65_536;

beforeAll(async () => {
  hostile = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    if (req.url?.startsWith('/api/v4/projects/1?') || req.url === '/api/v4/projects/1') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":1,"name":"');
      // A byte every 100 ms: never a pause long enough for a per-pause timeout.
      const drip = setInterval(() => res.write('a'), 100);
      res.on('close', () => clearInterval(drip));
      return;
    }
    if (req.url?.startsWith('/api/v4/projects/2')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 2, name: 'big', description: 'x'.repeat(maxBytes * 2) }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"message":"404 Project Not Found"}');
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((resolve) => hostile.close(resolve));
});

const t = useTestGateway(() => ({
  env: { GITLAB_URL: `${origin}/api/v4`, GITLAB_TOKEN: 'glpat-hostile', UPSTREAM_TIMEOUT_MS: String(timeoutMs), UPSTREAM_MAX_RESPONSE_BYTES: String(maxBytes) },
}));

describe('an upstream that trickles or floods costs only its own fields', () => {
  it('a body still arriving when the call\'s time is up is a timeout, though it never pauses long', async () => {
    const result = await t.gql(`{ slow: gitlabProject(idOrPath: "1") { name } me: circleciMe { login } }`);
    expect(result.data?.['slow']).toBeNull();
    expect(result.data?.['me']).toEqual({ login: expect.any(String) });
    expect(result.errors).toEqual([
      expect.objectContaining({ path: ['slow'], message: `GitLab did not answer within ${timeoutMs} ms`, extensions: expect.objectContaining({ code: 'UPSTREAM_TIMEOUT', service: 'gitlab' }) }),
    ]);
  });

  it('a body larger than UPSTREAM_MAX_RESPONSE_BYTES is an upstream error, not read whole', async () => {
    const result = await t.gql(`{ big: gitlabProject(idOrPath: "2") { name } me: circleciMe { login } }`);
    expect(result.data?.['big']).toBeNull();
    expect(result.data?.['me']).toEqual({ login: expect.any(String) });
    expect(result.errors).toEqual([
      expect.objectContaining({ path: ['big'], message: `GitLab answered more than ${maxBytes} bytes`, extensions: expect.objectContaining({ code: 'UPSTREAM_ERROR', service: 'gitlab' }) }),
    ]);
  });
});
