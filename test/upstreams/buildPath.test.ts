import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/errors/GatewayError.js';
import { buildPath } from '../../src/upstreams/buildPath.js';
import { UpstreamHttp } from '../../src/upstreams/http/UpstreamHttp.js';
import { op, operationTable } from '../../src/upstreams/operation.js';
import { protocols } from '../../src/upstreams/protocols.js';

const table = operationTable({
  plain: op({ method: 'GET', path: '/things/{id}/parts/{part}' }),
  slug: op({ method: 'GET', path: '/project/{slug}/pipeline', params: { slug: { segments: 3, pattern: /^(gh|bb)\//, shape: 'vcs/org/repo' } } }),
  ranged: op({ method: 'GET', path: '/cfg/{name}/{path}', params: { path: { segments: [1, 4] } } }),
  encoded: op({ method: 'GET', path: '/projects/{id}', params: { id: { slashesEncoded: true } } }),
});

/** The BAD_USER_INPUT message of building a path, or 'built: <path>' when it builds. */
function attempt(run: () => string): string {
  try {
    return `built: ${run()}`;
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe('BAD_USER_INPUT');
    return (error as GatewayError).message;
  }
}

describe('buildPath: every value is its own segment', () => {
  it('encodes what would leave a segment: / ? # % and spaces', () => {
    expect(buildPath(table.plain, { id: 'a/b', part: 'x?y#z%2e%2e' })).toBe('/things/a%2Fb/parts/x%3Fy%23z%252e%252e');
    expect(buildPath(table.plain, { id: 'with space', part: 42 })).toBe('/things/with%20space/parts/42');
  });

  it.each([
    ['..', 'a ".." segment'],
    ['.', 'a "." segment'],
    ['', 'an empty segment'],
    ['a\nb', 'a control character'],
    ['a\u0000b', 'a control character'],
    ['a\u2028b', 'a control character'],
    ['\ud800', 'an unpaired surrogate'],
  ])('refuses %j before any call', (value, problem) => {
    expect(attempt(() => buildPath(table.plain, { id: value, part: 'p' }))).toContain(problem);
  });

  it('refuses a missing parameter, and a number that is not a whole number', () => {
    expect(attempt(() => buildPath(table.plain, { id: 'x' }))).toBe('"part" is required');
    expect(attempt(() => buildPath(table.plain, { id: 1.5, part: 'p' }))).toContain('not a whole number');
  });

  it('spans multi-segment parameters one checked segment at a time, with their count and shape', () => {
    expect(buildPath(table.slug, { slug: 'gh/acme/api' })).toBe('/project/gh/acme/api/pipeline');
    expect(buildPath(table.slug, { slug: 'gh/acme co/a?b' })).toBe('/project/gh/acme%20co/a%3Fb/pipeline');
    expect(attempt(() => buildPath(table.slug, { slug: 'gh/acme/../../me' }))).toContain('a ".." segment');
    expect(attempt(() => buildPath(table.slug, { slug: 'gh/acme' }))).toContain('2 segments, not 3');
    expect(attempt(() => buildPath(table.slug, { slug: 'gh/acme/api/extra' }))).toContain('4 segments, not 3');
    expect(attempt(() => buildPath(table.slug, { slug: 'xx/acme/api' }))).toBe('"slug" is not valid: it holds a value of another shape (expected vcs/org/repo)');
    expect(buildPath(table.ranged, { name: 'n', path: 'a/b' })).toBe('/cfg/n/a/b');
    expect(attempt(() => buildPath(table.ranged, { name: 'n', path: 'a//b' }))).toContain('an empty segment');
    expect(attempt(() => buildPath(table.ranged, { name: 'n', path: 'a/b/c/d/e' }))).toContain('not 1 to 4');
  });

  it('keeps slashes inside one segment where the service takes them encoded, still refusing dot segments', () => {
    expect(buildPath(table.encoded, { id: 'group/sub/name' })).toBe('/projects/group%2Fsub%2Fname');
    expect(attempt(() => buildPath(table.encoded, { id: 'group/../../etc' }))).toContain('a ".." segment');
  });
});

describe('UpstreamHttp.urlOf: a built URL stays under the base path', () => {
  const http = new UpstreamHttp({ config: { url: 'http://127.0.0.1:9/api/v2', token: undefined }, protocol: protocols.circleci, timeoutMs: 1000, maxResponseBytes: 1_048_576 });

  it('keeps an encoded path as it is', () => {
    expect(http.urlOf({ path: '/project/gh/a%2Fb/api', query: { 'page-token': 'a+b/c' } }).href).toBe('http://127.0.0.1:9/api/v2/project/gh/a%2Fb/api?page-token=a%2Bb%2Fc');
  });

  it.each(['/../../etc/passwd', '/project/./x', '/a/..', 'relative', '/a\\..\\..\\b', '/a?x=1', '/a#frag', '//other.host/x'])('refuses %j', (path) => {
    expect(attempt(() => http.urlOf({ path }).href)).toBe('The request names a path outside the CircleCI API');
  });
});
