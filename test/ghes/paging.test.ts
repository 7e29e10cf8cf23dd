import { describe, expect, it } from 'vitest';
import { nextPageOf, pageRefOf, pageToken } from '../../src/upstreams/ghes/paging.js';

const link = (rels: Record<string, string>): string =>
  Object.entries(rels)
    .map(([rel, query]) => `<https://ghes.example.com/api/v3/admin/hooks?${query}>; rel="${rel}"`)
    .join(', ');

describe('GHES page numbers and Link headers', () => {
  it('reads the next page from a Link header wherever rel="next" sits', () => {
    const header = link({ prev: 'per_page=10&page=1', next: 'per_page=10&page=3', last: 'per_page=10&page=5', first: 'per_page=10&page=1' });
    expect(nextPageOf({ link: header }, { page: 2, perPage: 10 })).toEqual({ page: 3, perPage: 10 });
  });

  it('keeps the current page size when the next link omits per_page, and stops without a next link', () => {
    expect(nextPageOf({ link: '<https://h/api/v3/admin/keys?page=2>; rel="next"' }, { page: 1, perPage: 30 })).toEqual({ page: 2, perPage: 30 });
    expect(nextPageOf({ link: link({ prev: 'per_page=10&page=4', first: 'per_page=10&page=1' }) }, { page: 5, perPage: 10 })).toBeNull();
    expect(nextPageOf({}, { page: 1, perPage: 10 })).toBeNull();
  });

  it('keeps other query parameters out of the way (sort, since with commas and colons)', () => {
    const header = '<https://h/api/v3/admin/keys?since=2024-01-01T00%3A00%3A00Z&sort=accessed&per_page=5&page=4>; rel="next", <https://h/api/v3/admin/keys?page=9&per_page=5>; rel="last"';
    expect(nextPageOf({ link: header }, { page: 3, perPage: 5 })).toEqual({ page: 4, perPage: 5 });
  });

  it('sizes the first page from first (1..100) and round-trips page tokens', () => {
    expect(pageRefOf(null, 7)).toEqual({ page: 1, perPage: 7 });
    expect(pageRefOf(null, 0)).toEqual({ page: 1, perPage: 1 });
    expect(pageRefOf(null, 100)).toEqual({ page: 1, perPage: 100 });
    expect(pageRefOf(pageToken({ page: 4, perPage: 25 }), 3)).toEqual({ page: 4, perPage: 25 });
    expect(() => pageRefOf('abc', 3)).toThrow(/cursor/);
    expect(() => pageRefOf('1:500', 3)).toThrow(/cursor/);
  });
});
