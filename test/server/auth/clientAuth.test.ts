import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { serviceNames } from '../../../src/config/ServiceName.js';
import { ApiKeys } from '../../../src/server/auth/ApiKeys.js';
import { createGateway } from '../../../src/server/createGateway.js';
import { captureLogger } from '../../cache/logCapture.js';
import { useTestGateway } from '../../helpers/useTestGateway.js';

const issuer = 'https://issuer.test';
const audience = 'switchyard';
const apiKey = 'sy-key-0123456789abcdef';
let jwks: Server;
let jwksUrl: string;
let signingKey: CryptoKey;
let otherKey: CryptoKey;

beforeAll(async () => {
  const trusted = await generateKeyPair('RS256', { extractable: true });
  const untrusted = await generateKeyPair('RS256', { extractable: true });
  signingKey = trusted.privateKey;
  otherKey = untrusted.privateKey;
  const publicJwk = { ...(await exportJWK(trusted.publicKey)), kid: 'trusted', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(async () => {
  await new Promise((resolve) => jwks.close(resolve));
});
const t = useTestGateway(() => ({
  env: { GATEWAY_API_KEYS: `${apiKey},another-key-abcdefghijkl`, AUTH_JWT_JWKS_URI: jwksUrl, AUTH_JWT_ISSUER: issuer, AUTH_JWT_AUDIENCE: audience },
}));

interface TokenOptions {
  readonly key?: CryptoKey;
  readonly kid?: string;
  readonly issuer?: string;
  readonly audience?: string;
  readonly expiresAt?: number;
}

async function token(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub: 'dashboard-service' })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'trusted' })
    .setIssuer(options.issuer ?? issuer)
    .setAudience(options.audience ?? audience)
    .setIssuedAt(now - 60)
    .setExpirationTime(options.expiresAt ?? now + 300)
    .sign(options.key ?? signingKey);
}

async function upstreamCalls(): Promise<number> {
  let calls = 0;
  for (const service of serviceNames) calls += (await t.requests(service)).length;
  return calls;
}

const me = '{ circleciMe { login } }';

async function expectRefused(headers: Record<string, string>, reason: RegExp): Promise<void> {
  const result = await t.gql(me, undefined, headers);
  expect(result.status).toBe(401);
  expect(result.headers.get('www-authenticate')).toBe('Bearer');
  expect(result.data).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  expect(result.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  expect(result.errors?.[0]?.message).toMatch(reason);
  expect(await upstreamCalls()).toBe(0);
}

describe('client authentication, when required', () => {
  it('refuses a caller with no API key, no JWT and no credential of its own, before any upstream call', async () => {
    await expectRefused({}, /requires authentication: send an API key in x-api-key or Authorization: Bearer <JWT>/);
  });

  it('uses the configured credentials for a caller with a gateway API key', async () => {
    for (const key of [apiKey, 'another-key-abcdefghijkl']) {
      const result = await t.gql(me, undefined, { 'x-api-key': key });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ circleciMe: { login: expect.any(String) } });
    }
  });

  it.each([
    ['a wrong key of the same length', `${apiKey.slice(0, -1)}X`],
    ['a prefix of a key', apiKey.slice(0, 10)],
    ['a key with more after it', `${apiKey}0`],
  ])('refuses %s', async (_name, key) => {
    await expectRefused({ 'x-api-key': key }, /x-api-key header is not an API key of this gateway/);
  });

  it('uses the configured credentials for a caller with a valid JWT', async () => {
    const result = await t.gql(me, undefined, { authorization: `Bearer ${await token()}` });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ circleciMe: { login: expect.any(String) } });
  });

  it.each([
    ['expired', (): TokenOptions => ({ expiresAt: Math.floor(Date.now() / 1000) - 600 }), /expired/],
    ['for another audience', (): TokenOptions => ({ audience: 'someone-else' }), /audience/],
    ['from another issuer', (): TokenOptions => ({ issuer: 'https://elsewhere.test' }), /issuer/],
    ['signed by a key the key set does not hold', (): TokenOptions => ({ key: otherKey, kid: 'unknown' }), /no key of the trusted key set/],
  ] as const)('refuses a JWT %s', async (_name, options, reason) => {
    await expectRefused({ authorization: `Bearer ${await token(options())}` }, reason);
  });

  it('refuses a JWT that names a trusted key but was signed by another', async () => {
    await expectRefused({ authorization: `Bearer ${await token({ key: otherKey })}` }, /signature does not verify/);
  });

  it('refuses a malformed bearer token and an Authorization that is not Bearer', async () => {
    await expectRefused({ authorization: 'Bearer not.a.jwt' }, /not a well-formed JWT/);
    await expectRefused({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, /must be "Bearer <JWT>"/);
  });

  it('lets an anonymous caller use its own credentials only, never the configured ones', async () => {
    const result = await t.gql('{ circleciMe { login } gitlabProjects(first: 1) { edges { node { name } } } }', undefined, {
      'x-circleci-token': t.simulators.tokens.circleci ?? '',
    });
    expect(result.status).toBe(200);
    expect(result.data?.['circleciMe']).toEqual({ login: expect.any(String) });
    expect(result.data?.['gitlabProjects']).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', service: 'gitlab' });
    expect(await t.requests('gitlab')).toEqual([]);
  });
});

/** Opens a graphql-transport-ws connection and sends connection_init. */
function connectionInit(payload: Record<string, unknown>): Promise<{ acknowledged: boolean; code?: number; reason?: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(t.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data) => {
      if ((JSON.parse(String(data)) as { type: string }).type === 'connection_ack') {
        socket.close();
        resolve({ acknowledged: true });
      }
    });
    socket.on('close', (code, reason) => resolve({ acknowledged: false, code, reason: reason.toString() }));
    socket.on('error', reject);
  });
}

describe('client authentication over WebSocket', () => {
  it('closes a connection_init without an API key, a JWT or an own credential with 4403 UNAUTHENTICATED', async () => {
    const answer = await connectionInit({});
    expect(answer).toMatchObject({ acknowledged: false, code: 4403 });
    expect(answer.reason).toMatch(/^UNAUTHENTICATED: This gateway requires authentication/);
  });

  it('refuses a wrong key or an expired JWT in connection_init', async () => {
    expect((await connectionInit({ 'x-api-key': 'wrong-key-0000000000000' })).reason).toMatch(/not an API key/);
    const expired = await token({ expiresAt: Math.floor(Date.now() / 1000) - 600 });
    expect((await connectionInit({ headers: { Authorization: `Bearer ${expired}` } })).reason).toMatch(/expired/);
  });

  it('acknowledges a connection_init with an API key, a valid JWT, or an own credential', async () => {
    expect(await connectionInit({ 'x-api-key': apiKey })).toEqual({ acknowledged: true });
    expect(await connectionInit({ authorization: `Bearer ${await token()}` })).toEqual({ acknowledged: true });
    expect(await connectionInit({ 'x-gitlab-token': 'glpat-own' })).toEqual({ acknowledged: true });
  });
});

describe('authentication settings', () => {
  it('compares API keys exactly', () => {
    const keys = new ApiKeys([apiKey, 'zzzzzzzzzzzzzzzzzzzz']);
    expect(keys.matches(apiKey)).toBe(true);
    expect(keys.matches('zzzzzzzzzzzzzzzzzzzz')).toBe(true);
    expect(keys.matches(apiKey.toUpperCase())).toBe(false);
    expect(keys.matches('')).toBe(false);
  });

  it('names a setting that cannot be used at start', () => {
    expect(() => loadConfig({ GATEWAY_API_KEYS: 'short' })).toThrow(/GATEWAY_API_KEYS/);
    expect(() => loadConfig({ AUTH_JWT_JWKS_URI: 'https://issuer.test/jwks.json', AUTH_JWT_AUDIENCE: 'a' })).toThrow(/AUTH_JWT_ISSUER/);
    expect(() => loadConfig({ AUTH_JWT_JWKS_URI: 'https://issuer.test/jwks.json', AUTH_JWT_ISSUER: 'i' })).toThrow(/AUTH_JWT_AUDIENCE/);
    expect(() => loadConfig({ AUTH_JWT_JWKS_URI: 'ftp://issuer.test/jwks.json', AUTH_JWT_ISSUER: 'i', AUTH_JWT_AUDIENCE: 'a' })).toThrow(/AUTH_JWT_JWKS_URI/);
    expect(loadConfig({}).auth.enabled).toBe(false);
    expect(loadConfig({ GATEWAY_API_KEYS: apiKey }).auth.enabled).toBe(true);
  });

  it('warns at start when configured tokens are open to any caller, and not once authentication is on', async () => {
    const open = captureLogger();
    const gateway = await createGateway({ config: loadConfig({ CIRCLECI_URL: 'http://127.0.0.1:9/api/v2', CIRCLECI_TOKEN: 'x', GITLAB_URL: 'http://127.0.0.1:9/api/v4', GITLAB_TOKEN: 'y' }), logger: open.logger });
    await gateway.stop(0);
    const warning = open.lines.find((line) => line.level === 40 && line.msg.includes('Client authentication is off'));
    expect(warning?.msg).toContain('CIRCLECI_TOKEN, GITLAB_TOKEN are used for any caller');

    const closed = captureLogger();
    const guarded = await createGateway({
      config: loadConfig({ CIRCLECI_URL: 'http://127.0.0.1:9/api/v2', CIRCLECI_TOKEN: 'x', GATEWAY_API_KEYS: apiKey }),
      logger: closed.logger,
    });
    await guarded.stop(0);
    expect(closed.lines.filter((line) => line.msg.includes('Client authentication is off'))).toEqual([]);
  });
});
