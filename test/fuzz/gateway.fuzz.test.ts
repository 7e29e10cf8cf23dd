import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/schema/createSchema.js';
import { rawExchange } from '../helpers/rawHttp.js';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { garbageDocument, schemaDocument, seeded } from './generateDocuments.js';

/** The fixed seed: every run sends the same requests. */
const seed = 0x5eed_2026;
/** The longest any one answer may take: upstream calls time out at 2 s. */
const answerWithinMs = 10_000;
const concurrency = 8;

const t = useTestGateway({ env: { UPSTREAM_TIMEOUT_MS: '2000', GHES_WEBHOOK_SECRET: 'fuzz-secret', GITLAB_WEBHOOK_SECRET: 'fuzz-secret' } });

interface Outcome {
  readonly what: string;
  readonly status: number | undefined;
  readonly ms: number;
  readonly internal: boolean;
}

/** Sends one request with fetch and records how it went. */
async function send(what: string, init: RequestInit & { path?: string }): Promise<Outcome> {
  const started = performance.now();
  const response = await fetch(new URL(init.path ?? '/graphql', t.url), { ...init, signal: AbortSignal.timeout(answerWithinMs) });
  const text = await response.text();
  return { what, status: response.status, ms: performance.now() - started, internal: text.includes('INTERNAL_SERVER_ERROR') };
}

/** Runs the tasks `concurrency` at a time, in order. */
async function inBatches(tasks: readonly (() => Promise<Outcome>)[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < tasks.length; i += concurrency) outcomes.push(...(await Promise.all(tasks.slice(i, i + concurrency).map((task) => task()))));
  return outcomes;
}

function expectSound(outcomes: readonly Outcome[]): void {
  const failures = outcomes.filter((outcome) => outcome.status === undefined || outcome.status >= 500 || outcome.ms > answerWithinMs);
  expect(failures.map((outcome) => `${outcome.status} ${Math.round(outcome.ms)} ms: ${outcome.what.slice(0, 300)}`)).toEqual([]);
}

async function stillHealthy(): Promise<void> {
  const health = await fetch(new URL('/healthz', t.url), { signal: AbortSignal.timeout(answerWithinMs) });
  expect(health.status).toBe(200);
}

const post = (body: string, contentType = 'application/json'): RequestInit => ({ method: 'POST', headers: { 'content-type': contentType }, body });

describe(`fuzzing the gateway (seed ${seed})`, () => {
  it('answers 2,500 documents generated from the schema, and garbage, without a 5xx or a hang', async () => {
    const random = seeded(seed);
    const schema = createSchema();
    const tasks: (() => Promise<Outcome>)[] = [];
    for (let i = 0; i < 2_000; i += 1) {
      const document = schemaDocument(random, schema);
      tasks.push(() => send(document.query, post(JSON.stringify(document))));
    }
    for (let i = 0; i < 500; i += 1) {
      const query = garbageDocument(random);
      tasks.push(() => send(query, post(JSON.stringify({ query }))));
    }
    const outcomes = await inBatches(tasks);
    expectSound(outcomes);
    // Most generated documents are valid GraphQL that runs against the simulators.
    expect(outcomes.filter((outcome) => outcome.status === 200).length).toBeGreaterThan(1_000);
    const internal = outcomes.filter((outcome) => outcome.internal);
    if (internal.length > 0) console.warn(`${internal.length} answers carried a masked INTERNAL_SERVER_ERROR, e.g. ${internal[0]?.what.slice(0, 300)}`);
    await stillHealthy();
  }, 300_000);

  it('answers malformed bodies, content types and query strings without a 5xx', async () => {
    const random = seeded(seed + 1);
    const valid = JSON.stringify({ query: '{ circleciMe { login } }' });
    const bodies = [
      '',
      '{',
      '}',
      'null',
      '123',
      '"query"',
      '[]',
      `[${valid}]`,
      '{"query":123}',
      '{"query":null}',
      '{"query":{}}',
      '{"query":"{ __typename }","variables":"x"}',
      '{"query":"{ __typename }","variables":[1]}',
      '{"query":"{ __typename }","operationName":{}}',
      '{"query":"{ __typename }","extensions":"x"}',
      '{"extensions":{"persistedQuery":{"version":"1","sha256Hash":5}}}',
      '{"extensions":{"persistedQuery":null}}',
      '{"query":"query A { __typename } query B { __typename }"}',
      '{"query":"{ __typename }","operationName":"Missing"}',
      `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      `{"query":"${'{a'.repeat(5_000)}"}`,
      '{"__proto__":{"query":"{ __typename }"}}',
      '\u0000\u0001\u0002',
      '\ufeff{"query":"{ __typename }"}',
    ];
    const tasks: (() => Promise<Outcome>)[] = [];
    for (const body of bodies) {
      for (const type of ['application/json', 'text/plain', 'application/graphql', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']) {
        tasks.push(() => send(`${type}: ${body.slice(0, 80)}`, post(body, type)));
      }
    }
    // The valid body with bytes flipped, cut short, or repeated.
    for (let i = 0; i < 200; i += 1) {
      const bytes = Buffer.from(valid);
      const mode = random.int(3);
      let mutated: Buffer;
      if (mode === 0) {
        mutated = Buffer.from(bytes);
        for (let flips = 0; flips < 1 + random.int(4); flips += 1) mutated[random.int(mutated.length)] = random.int(256);
      } else if (mode === 1) mutated = bytes.subarray(0, random.int(bytes.length));
      else mutated = Buffer.concat([bytes, bytes.subarray(0, random.int(bytes.length))]);
      tasks.push(() => send(`mutated: ${mutated.toString('latin1')}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: mutated }));
    }
    for (const search of ['?query=%7B__typename%7D', '?query=', '?query=%ZZ', '?variables=%7B', '?query=mutation%7B_ping%7D', '?extensions=x&query=%7B__typename%7D', `?query=${'a'.repeat(6_000)}`]) {
      tasks.push(() => send(`GET ${search}`, { method: 'GET', path: `/graphql${search}`, headers: { 'apollo-require-preflight': 'true' } }));
    }
    for (const path of ['/webhooks/ghes', '/webhooks/gitlab', '/webhooks/nope', '/explorer/../../package.json', '/metrics', '/readyz']) {
      for (const body of ['', '{', '{"zen":"x"}', 'x'.repeat(2_000_000)]) tasks.push(() => send(`POST ${path} ${body.slice(0, 20)}`, { ...post(body), path }));
    }
    const outcomes = await inBatches(tasks);
    expectSound(outcomes);
    await stillHealthy();
  }, 300_000);

  it('answers raw request lines and headers no client would send', async () => {
    const random = seeded(seed + 2);
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE', 'BREW', 'get', '', 'G\u0000T'];
    const targets = ['/', '//', '/graphql', '/graphql?query={__typename}', '*', 'http://', 'http://x/graphql', 'http://x:99999/healthz', '//x:99999/graphql', '/%', '/%ZZ', '/\u00ff', '/healthz?x', '/webhooks/ghes', '/explorer/../../etc/passwd', 'graphql', ' ', `/${'a'.repeat(9_000)}`];
    const versions = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1x', '', 'HTTP/0.9'];
    const headers = [
      'Content-Length: 5',
      'Content-Length: -1',
      'Content-Length: 99999999999999999999',
      'Transfer-Encoding: chunked',
      'Transfer-Encoding: gzip, chunked',
      'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13',
      'Upgrade: h2c\r\nConnection: Upgrade',
      'Content-Type: application/json',
      'X-Circleci-Token: \u00e9\u00e9',
      'X-Request-Id: ../../etc',
      'Expect: 100-continue',
      'Host:',
      ' folded: header',
      `X-Long: ${'b'.repeat(20_000)}`,
      'Authorization: Bearer x.y.z',
    ];
    const bodies = ['', '{"query":"{ __typename }"}', '0\r\n\r\n', 'zz\r\nabc\r\n', '{'];
    const tasks: (() => Promise<Outcome>)[] = [];
    for (let i = 0; i < 400; i += 1) {
      const lines = [`${random.pick(methods)} ${random.pick(targets)} ${random.pick(versions)}`];
      if (random.chance(0.9)) lines.push('Host: 127.0.0.1');
      for (let h = 0; h < random.int(4); h += 1) lines.push(random.pick(headers));
      const bytes = `${lines.join('\r\n')}\r\n\r\n${random.pick(bodies)}`;
      tasks.push(async () => {
        const started = performance.now();
        const answer = await rawExchange(t.url, bytes, answerWithinMs);
        // A connection closed without an answer (CONNECT, say) is not a failure; a 5xx or no answer in time is.
        const status = answer.timedOut ? undefined : (answer.status ?? 400);
        return { what: JSON.stringify(bytes.slice(0, 200)), status, ms: performance.now() - started, internal: answer.text.includes('INTERNAL_SERVER_ERROR') };
      });
    }
    const outcomes = await inBatches(tasks);
    expectSound(outcomes);
    await stillHealthy();
  }, 300_000);
});

