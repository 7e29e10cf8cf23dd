import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/relay/cursor.js';
import { fromGlobalId, globalKeyOf, toGlobalId } from '../../src/relay/globalId.js';

describe('global ids', () => {
  it('round-trip a type and a key that holds separators', () => {
    const id = toGlobalId('GitLabMember', '42:group/sub:7');
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromGlobalId(id)).toEqual({ typename: 'GitLabMember', key: '42:group/sub:7' });
  });

  it('are stable: the same object always has the same id', () => {
    expect(toGlobalId('CircleCIPipeline', 'abc')).toBe(toGlobalId('CircleCIPipeline', 'abc'));
  });

  it('reject ids that are not theirs with BAD_USER_INPUT', () => {
    for (const bad of ['', '!!', Buffer.from('nocolon').toString('base64url'), Buffer.from('lower:x').toString('base64url')]) {
      expect(() => fromGlobalId(bad)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
    }
  });

  it('give their key only to a reader of their own type', () => {
    const id = toGlobalId('GitLabProject', '42');
    expect(globalKeyOf(id, 'GitLabProject')).toBe('42');
    expect(globalKeyOf(id, 'GitLabMember')).toBeNull();
    expect(globalKeyOf('!!', 'GitLabProject')).toBeNull();
  });
});

describe('cursors', () => {
  it('round-trip a page token and index', () => {
    expect(decodeCursor(encodeCursor({ token: 'tok/+=', index: 3 }))).toEqual({ token: 'tok/+=', index: 3 });
    expect(decodeCursor(encodeCursor({ token: null, index: 0 }))).toEqual({ token: null, index: 0 });
  });

  it('reject a negative index or a foreign shape', () => {
    expect(() => decodeCursor(Buffer.from('[null,-1]').toString('base64url'))).toThrow(/not a valid cursor/);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toThrow(/not a valid cursor/);
  });
});
