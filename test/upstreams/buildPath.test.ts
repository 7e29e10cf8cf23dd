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

describe('buildPath: dot segments hidden in a value are refused, in any parameter', () => {
  it.each([
    ['..%2F..%2F..%2Fadmin', 'percent-encoded slashes'],
    ['..%2f..%2fadmin', 'lower-case percent-encoding'],
    ['..\\..', 'backslashes'],
    ['a\\..\\b', 'a backslash-separated part'],
    ['../../../admin', 'slashes inside one segment'],
    ['%2e%2e', 'percent-encoded dots'],
    ['%2E', 'one percent-encoded dot'],
    ['x/%2e%2e/y', 'an encoded part between slashes'],
    ['．．', 'fullwidth full stops (NFKC)'],
    ['‥', 'a two dot leader (NFKC)'],
    ['．．／admin', 'fullwidth dots and solidus (NFKC)'],
    ['．．＼admin', 'fullwidth dots and reverse solidus (NFKC)'],
    ['%EF%BC%8E%EF%BC%8E', 'percent-encoded fullwidth dots (decoded, then NFKC)'],
    ['%ef%bc%8e.', 'an encoded fullwidth dot beside a dot'],
    ['%E0%A4%A%2F%2e%2e', 'encoded dots after a malformed sequence'],
    ['..%5C..%5Cadmin', 'percent-encoded backslashes'],
  ])('refuses %j (%s)', (value) => {
    expect(attempt(() => buildPath(table.plain, { id: value, part: 'p' }))).toMatch(/^"id" is not valid: it holds a "\.{1,2}" path segment once split on \/ and \\, percent-decoded or normalised$/);
    expect(attempt(() => buildPath(table.encoded, { id: `group/${value}` }))).toContain('segment');
  });

  it('refuses them in each segment of a multi-segment value too', () => {
    expect(attempt(() => buildPath(table.ranged, { name: 'n', path: 'a/%2e%2e' }))).toContain('path segment');
    expect(attempt(() => buildPath(table.ranged, { name: 'n', path: 'a/．．/b' }))).toContain('path segment');
    expect(attempt(() => buildPath(table.slug, { slug: 'gh/acme/..%2F..' }))).toContain('path segment');
  });

  it('a malformed percent sequence is no crash: it is encoded like any other text', () => {
    expect(buildPath(table.plain, { id: '%E0%A4%A', part: '%' })).toBe('/things/%25E0%25A4%25A/parts/%25');
    expect(buildPath(table.plain, { id: '%ZZ%', part: '%C0%AF' })).toBe('/things/%25ZZ%25/parts/%25C0%25AF');
  });

  it.each([
    ['my.project', '/things/my.project/parts/p'],
    ['...', '/things/.../parts/p'],
    ['.hidden', '/things/.hidden/parts/p'],
    ['v1.2..3', '/things/v1.2..3/parts/p'],
    ['%2e%2e%2e', '/things/%252e%252e%252e/parts/p'],
    ['100%25', '/things/100%2525/parts/p'],
    ['café', '/things/caf%C3%A9/parts/p'],
  ])('keeps a value with dots that is no dot segment: %j', (value, path) => {
    expect(buildPath(table.plain, { id: value, part: 'p' })).toBe(path);
  });

  it('keeps GitLab full paths, CircleCI slugs and configuration paths', () => {
    expect(buildPath(table.encoded, { id: 'group/sub.team/my.project' })).toBe('/projects/group%2Fsub.team%2Fmy.project');
    expect(buildPath(table.slug, { slug: 'gh/acme/api.v2' })).toBe('/project/gh/acme/api.v2/pipeline');
    expect(buildPath(table.ranged, { name: 'n', path: 'arguments/env.name' })).toBe('/cfg/n/arguments/env.name');
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
