import { describe, expect, it } from 'vitest';
import { anyBody, jsonBody, listOf, listOrPageOf, objectOf, pageOf } from '../../src/upstreams/responseShape.js';

describe('response shapes', () => {
  it('an object: its fields present, loosely typed, null allowed', () => {
    const me = objectOf({ id: 'string', login: 'string', number: 'number', admin: 'boolean' });
    expect(me.check({ id: 'u1', login: 'ada', number: 5, admin: true })).toBeNull();
    // As loose as the services: numbers as strings, ids as numbers, "true", and nulls.
    expect(me.check({ id: 7, login: null, number: '25', admin: 'true' })).toBeNull();
    expect(me.check({ unexpected: true })).toBe('the body has no "id"');
    expect(me.check({ id: 'u1', login: 'ada', number: 'many', admin: true })).toBe('the body."number" is not a number');
    expect(me.check({ id: {}, login: 'ada', number: 1, admin: true })).toBe('the body."id" is not a string');
    expect(me.check([])).toBe('the body is a list, not an object');
    expect(me.check('<html>')).toBe('the body is a string, not an object');
    expect(me.check(null)).toBe('the body is null, not an object');
    expect(objectOf(['id']).check({ id: null })).toBeNull();
  });

  it('a list, a page, or either', () => {
    expect(listOf(['id']).check([{ id: 1 }, { id: 2 }])).toBeNull();
    expect(listOf(['id']).check([{ id: 1 }, { name: 'x' }])).toBe('the body[1] has no "id"');
    expect(listOf(['id']).check({ items: [] })).toBe('the body is not a list');
    const page = pageOf('items', ['id'], ['next_page_token']);
    expect(page.check({ items: [{ id: 'a' }], next_page_token: null })).toBeNull();
    expect(page.check({ items: [{ id: 'a' }] })).toBe('the body has no "next_page_token"');
    expect(page.check({ unexpected: true, next_page_token: null })).toBe('the body\'s "items" is not a list');
    expect(page.check({ items: [3], next_page_token: null })).toBe('the body\'s "items"[0] is a number, not an object');
    const either = listOrPageOf('data', ['id']);
    expect(either.check([{ id: 1 }])).toBeNull();
    expect(either.check({ data: [{ id: 1 }] })).toBeNull();
    expect(either.check({ data: 'x' })).toBe('the body\'s "data" is not a list');
    expect(either.check(7)).toBe('the body is neither a list nor a page');
  });

  it('any body, or any JSON', () => {
    expect(anyBody().check(null)).toBeNull();
    expect(jsonBody().check({})).toBeNull();
    expect(jsonBody().check('text')).toBe('the body is not JSON');
  });
});
