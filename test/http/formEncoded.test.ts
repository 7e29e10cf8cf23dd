import { describe, expect, it } from 'vitest';
import { formEncoded, formQuery } from '../../src/http/formEncoded.js';

/** What URLSearchParams writes for one value, the reference formEncoded must match. */
const reference = (text: string): string => new URLSearchParams([['k', text]]).toString().slice(2);

describe('formEncoded', () => {
  it('writes every value as URLSearchParams does', () => {
    const samples = ['', 'plain', 'a b', 'a+b', 'x&y=z', '100%', "*-._!~'()", 'gh/acme/api', '?#[]@$,;:', 'é€😀', '\u0000\n\t', '\uD800', 'a\uDC00b', '\uD83D\uDE00', '"<>\\^`{|}'];
    for (let code = 0; code < 0x800; code++) samples.push(String.fromCharCode(code));
    for (const text of samples) expect(formEncoded(text)).toBe(reference(text));
  });

  it('returns a plain value itself', () => {
    const text = 'project-1.main_branch*';
    expect(formEncoded(text)).toBe(text);
  });

  it('writes a query string as URLSearchParams does, in the order of the names given, absent values left out and lists repeated', () => {
    const query = { 'page-token': 'a b&c', branch: 'feat/ü', status: ['success', 'failed'], none: undefined, nothing: null, limit: 5, flag: true };
    const reference = new URLSearchParams([['branch', 'feat/ü'], ['page-token', 'a b&c'], ['status', 'success'], ['status', 'failed'], ['limit', '5'], ['flag', 'true']]).toString();
    expect(formQuery(query, ['branch', 'none', 'page-token', 'status', 'nothing', 'limit', 'flag'])).toBe(reference);
    expect(formQuery(query, [])).toBe('');
  });
});
