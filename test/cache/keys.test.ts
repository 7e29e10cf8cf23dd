import { describe, expect, it } from 'vitest';
import { CredentialFingerprints, entryKey, normalisedQuery, resourceOf } from '../../src/cache/keys.js';
import { upstreamLimit } from '../../src/cache/ResponseCache.js';
import { canonicalJson } from '../../src/cache/OperationCache.js';

describe('cache keys', () => {
  it('sorts query parameters by name, keeps the order of repeated values, drops absent ones', () => {
    expect(normalisedQuery({ 'page-token': 'abc', branch: 'main', empty: undefined, none: null })).toBe('branch=main&page-token=abc');
    expect(normalisedQuery({ z: 1, a: ['b', 'a'] })).toBe('a=b&a=a&z=1');
    expect(normalisedQuery({ slug: 'gh/acme api' })).toBe('slug=gh%2Facme+api');
    expect(normalisedQuery(undefined)).toBe('');
    expect(resourceOf({ path: '/pipeline', query: { 'org-slug': 'gh/acme', mine: true } })).toBe('/pipeline?mine=true&org-slug=gh%2Facme');
    expect(resourceOf({ path: '/me' })).toBe('/me');
  });

  it('gives the same key whatever the order of the query, and different keys per base URL', () => {
    const fp = new CredentialFingerprints('s').of('circleci', 't');
    const a = entryKey({ service: 'circleci', baseUrl: 'http://a/api/v2', path: '/x', query: { b: 2, a: 1 } }, fp);
    const b = entryKey({ service: 'circleci', baseUrl: 'http://a/api/v2', path: '/x', query: { a: 1, b: 2 } }, fp);
    const c = entryKey({ service: 'circleci', baseUrl: 'http://b/api/v2', path: '/x', query: { a: 1, b: 2 } }, fp);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toBe(`switchyard:r:circleci:${fp}:GET http://a/api/v2/x?a=1&b=2`);
  });

  it('fingerprints credentials by HMAC: stable under one secret, never the token, distinct per token and service', () => {
    const one = new CredentialFingerprints('secret');
    const two = new CredentialFingerprints('secret');
    const token = 'demo-circleci-token';
    expect(one.of('circleci', token)).toBe(two.of('circleci', token));
    expect(one.of('circleci', token)).not.toContain(token);
    expect(one.of('circleci', token)).toMatch(/^[\w-]{32}$/);
    expect(one.of('circleci', token)).not.toBe(one.of('circleci', 'circleci-token-grace'));
    expect(one.of('circleci', token)).not.toBe(one.of('gitlab', token));
    expect(new CredentialFingerprints('other').of('circleci', token)).not.toBe(one.of('circleci', token));
    // Without a secret each process draws its own.
    expect(new CredentialFingerprints(undefined).of('circleci', token)).not.toBe(new CredentialFingerprints(undefined).of('circleci', token));
  });

  it('remembers at most 10,000 fingerprints over all services, and the same ones after forgetting', () => {
    const fingerprints = new CredentialFingerprints('secret');
    const first = fingerprints.of('circleci', 'token-0');
    for (let i = 0; i < 12_000; i++) fingerprints.of(i % 2 === 0 ? 'gitlab' : 'concord', `token-${i}`);
    expect(fingerprints.size).toBeLessThanOrEqual(10_000);
    expect(fingerprints.size).toBeGreaterThan(0);
    expect(fingerprints.of('circleci', 'token-0')).toBe(first);
  });
});

describe("the upstream's Cache-Control", () => {
  it('forbids storing on no-store, no-cache and (unless allowed) private, and caps the TTL by max-age', () => {
    expect(upstreamLimit({})).toEqual({ store: true, maxAgeMs: undefined });
    expect(upstreamLimit({ 'cache-control': 'no-store' }).store).toBe(false);
    expect(upstreamLimit({ 'cache-control': 'max-age=0, no-cache' }).store).toBe(false);
    expect(upstreamLimit({ 'cache-control': 'private, max-age=60, s-maxage=60' }).store).toBe(false);
    expect(upstreamLimit({ 'cache-control': 'private, max-age=60, s-maxage=60' }, true)).toEqual({ store: true, maxAgeMs: 60_000 });
    expect(upstreamLimit({ 'cache-control': 'Public, Max-Age=5' })).toEqual({ store: true, maxAgeMs: 5000 });
  });
});

describe('canonicalJson', () => {
  it('writes every object with its keys sorted, as JSON.stringify would write it sorted', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":2,"f":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 'x' })).toBe(JSON.stringify({ a: 1, b: 'x' }));
    // Integer-like keys come first in JSON.stringify's order; sorted as text here.
    expect(canonicalJson({ b: true, 10: 1, 9: 2 })).toBe('{"10":1,"9":2,"b":true}');
    expect(canonicalJson({ b: undefined, a: [undefined, 1] })).toBe('{"a":[null,1]}');
    expect(canonicalJson([null, 'q', { y: 1, x: 2 }])).toBe('[null,"q",{"x":2,"y":1}]');
  });
});
