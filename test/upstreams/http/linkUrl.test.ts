import { describe, expect, it } from 'vitest';
import { linkUrl } from '../../../src/upstreams/http/linkUrl.js';

describe('linkUrl', () => {
  it('finds each rel in a Link header', () => {
    const link =
      '<https://gl.example/api/v4/projects?page=1&per_page=2>; rel="prev", <https://gl.example/api/v4/projects?page=3&per_page=2>; rel="next", <https://gl.example/api/v4/projects?page=1&per_page=2>; rel="first"';
    expect(linkUrl(link, 'next')).toBe('https://gl.example/api/v4/projects?page=3&per_page=2');
    expect(linkUrl(link, 'prev')).toBe('https://gl.example/api/v4/projects?page=1&per_page=2');
    expect(linkUrl(link, 'last')).toBeNull();
    expect(linkUrl(undefined, 'next')).toBeNull();
  });
});
