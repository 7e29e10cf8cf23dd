import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/logger.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

/** A pino destination that keeps every line. */
function captureLines(): { stream: Writable; text(): string; lines(): Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const text = (): string => chunks.join('');
  return {
    stream,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const secret = 'tok-4f1c9e7a-do-not-log';
const logs = captureLines();

const t = useTestGateway({ logger: createLogger('info', logs.stream) });

describe('operation logs', () => {
  it('writes one JSON line per operation with its request id, name, outcome and upstream usage', async () => {
    await t.clearRequests();
    const response = await t.gql(
      'query Pipelines($slug: String!) { circleciProject(slug: $slug) { name pipelines(first: 2) { edges { node { id } } } } }',
      { slug: 'gh/acme/api' },
      { 'x-request-id': 'req-logs-1' },
    );
    expect(response.errors).toBeUndefined();
    expect(response.headers.get('x-request-id')).toBe('req-logs-1');
    const upstreamCalls = (await t.requests('circleci')).length;
    expect(upstreamCalls).toBeGreaterThanOrEqual(2);

    const lines = logs.lines().filter((line) => line['requestId'] === 'req-logs-1');
    expect(lines).toHaveLength(1);
    const line = lines[0] as Record<string, unknown>;
    expect(line).toMatchObject({
      msg: 'graphql operation',
      level: 30,
      service: 'switchyard',
      operationName: 'Pipelines',
      operationType: 'query',
      outcome: 'success',
      upstreamCalls,
    });
    expect(line['upstreamDurationMs']).toBeGreaterThan(0);
    // The upstream time is the sum of its calls, which may overlap (a project and its pipelines are read together):
    // each call lies within the operation, so the sum is at most the operation's time for each call.
    expect(line['upstreamDurationMs'] as number).toBeLessThanOrEqual((line['durationMs'] as number) * upstreamCalls);
    expect(line).not.toHaveProperty('errorCodes');
  });

  it('logs the error codes of a failed operation and a new uuid when no request id was sent', async () => {
    await t.gql('query Denied { circleciProject(slug: "gh/acme/api") { name } }', undefined, { 'x-circleci-token': 'wrong' });
    const line = logs.lines().find((l) => l['operationName'] === 'Denied');
    expect(line).toMatchObject({ outcome: 'error', errorCodes: ['UNAUTHENTICATED'], upstreamCalls: 1 });
    expect(line?.['requestId']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('never writes a credential sent in a header, even when the operation fails because of it', async () => {
    await t.gql('query WithToken { circleciProject(slug: "gh/acme/api") { name } }', { unused: 1 }, {
      'x-circleci-token': secret,
      'x-gitlab-token': secret,
      'x-flexstack-key': secret,
      authorization: `Bearer ${secret}`,
    });
    expect(logs.lines().some((line) => line['operationName'] === 'WithToken')).toBe(true);
    expect(logs.text()).not.toContain(secret);
  });

  it('redacts credentials from anything that logs request headers', () => {
    const capture = captureLines();
    const logger = createLogger('info', capture.stream);
    logger.info({ req: { headers: { 'x-circleci-token': secret, 'x-ghes-token': secret, authorization: secret } }, config: { token: secret } }, 'x');
    expect(capture.text()).toContain('[redacted]');
    expect(capture.text()).not.toContain(secret);
  });
});
