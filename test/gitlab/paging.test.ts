import { describe, expect, it } from 'vitest';
import { keysetPage, offsetPage, perPage, positionOfToken } from '../../src/upstreams/gitlab/paging.js';

const identity = (value: number): number => value;

describe('GitLab paging headers', () => {
  it('takes the next keyset page token from the Link URL query, and none on the last page', () => {
    const next = keysetPage(
      {
        status: 200,
        headers: { link: '<https://gl.example/api/v4/projects?pagination=keyset&order_by=id&sort=asc&per_page=2&id_after=42>; rel="next"' },
        body: [41, 42],
      },
      identity,
    );
    expect(next).toEqual({ items: [41, 42], next: 'pagination=keyset&order_by=id&sort=asc&per_page=2&id_after=42' });
    expect(positionOfToken(next.next as string)).toEqual({ per_page: '2', id_after: '42' });
    expect(keysetPage({ status: 200, headers: {}, body: [43] }, identity)).toEqual({ items: [43], next: null });
  });

  it('reads offset headers: next page with its size, x-total, and an empty x-next-page as the end', () => {
    expect(offsetPage({ status: 200, headers: { 'x-next-page': '3', 'x-per-page': '5', 'x-total': '14' }, body: [1, 2] }, identity)).toEqual({
      items: [1, 2],
      next: 'page=3&per_page=5',
      totalCount: 14,
    });
    expect(offsetPage({ status: 200, headers: { 'x-next-page': '', 'x-per-page': '5', 'x-total': '14' }, body: [3] }, identity)).toEqual({
      items: [3],
      next: null,
      totalCount: 14,
    });
  });

  it('has no total past 10,000 rows, where GitLab leaves x-total out', () => {
    expect(offsetPage({ status: 200, headers: { 'x-next-page': '2', 'x-per-page': '100' }, body: [] }, identity).totalCount).toBeNull();
  });

  it('reads a body that is not a list as an empty page', () => {
    expect(offsetPage({ status: 200, headers: {}, body: null }, identity)).toEqual({ items: [], next: null, totalCount: null });
  });

  it('takes only position parameters from a token, so a forged cursor cannot add others', () => {
    expect(positionOfToken('page=3&per_page=500&sudo=root&membership=false&id_after=9&cursor=abc')).toEqual({
      page: '3',
      per_page: '100',
      id_after: '9',
      cursor: 'abc',
    });
  });

  it('keeps per_page within 1..100', () => {
    expect([0, 1, 20, 100, 250].map(perPage)).toEqual([1, 1, 20, 100, 100]);
  });
});
