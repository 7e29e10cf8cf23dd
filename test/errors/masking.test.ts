import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { captureLogger } from '../cache/logCapture.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const secretDetail = 'connect to 10.1.2.3 with token=abc failed in /opt/internal/module.ts';
const captured = captureLogger();
const t = useTestGateway({
  logger: captured.logger,
  gateway: {
    // A defect inside the gateway: a part throws a plain Error with internal detail after a Concord call.
    observer: {
      onCall: (event) => {
        if (event.service === 'concord') throw new Error(secretDetail);
      },
    },
  },
});

async function post(body: unknown): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
  const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as never };
}

describe('unknown errors', () => {
  it('reach the client as a generic INTERNAL_SERVER_ERROR, and the original is logged with the request id', async () => {
    const result = await t.gql(`{ concordProject(org: "Default", name: "payments") { name } circleciProject(slug: "gh/acme/api") { name } }`, undefined, {
      'x-request-id': 'masking-test-1',
    });
    expect(result.data?.['circleciProject']).toEqual({ name: 'api' });
    expect(result.errors).toEqual([{ message: 'Internal server error', path: ['concordProject'], locations: expect.any(Array), extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(result)).not.toContain('10.1.2.3');
    const logged = captured.lines.find((line) => (line as Record<string, unknown>)['requestId'] === 'masking-test-1' && line.level === 50) as
      | (Record<string, unknown> & { err?: { message?: string } })
      | undefined;
    expect(logged?.err?.message).toBe(secretDetail);
    expect(logged?.['path']).toEqual(['concordProject']);
  });
});

describe('persisted-query errors', () => {
  const query = '{ circleciProject(slug: "gh/acme/api") { name } }';
  const sha256Hash = createHash('sha256').update(query).digest('hex');

  it('an unknown hash is PERSISTED_QUERY_NOT_FOUND, as the APQ protocol answers it, so clients send the query', async () => {
    const answer = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toEqual([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
  });

  it('a hash that does not match the query is a 400 BAD_REQUEST naming the mismatch', async () => {
    const answer = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }]);
  });

  it('an unsupported protocol version is a 400 BAD_REQUEST', async () => {
    const answer = await post({ query, extensions: { persistedQuery: { version: 2, sha256Hash } } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ message: 'Unsupported persisted query version', extensions: { code: 'BAD_REQUEST' } }]);
  });

  it('a registered query runs by its hash alone', async () => {
    expect((await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } })).body.data).toEqual({ circleciProject: { name: 'api' } });
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual({ data: { circleciProject: { name: 'api' } } });
  });
});
