import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/errors/GatewayError.js';
import { assertAddHookInput, assertCreateProjectInput, assertMemberInput, assertProjectAndId } from '../../../src/resolvers/gitlab/validation.js';

const detailsOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    if (error instanceof GatewayError) return { code: error.code, details: error.extensions['details'] };
    throw error;
  }
  throw new Error('expected a GatewayError');
};

const today = new Date('2026-11-22T11:00:00Z');

describe('GitLab input checks', () => {
  it('refuses bad project names, paths and ids', () => {
    expect(detailsOf(() => assertCreateProjectInput({ name: '.hidden', path: '-x', namespaceId: 0, defaultBranch: 'has space' }))).toEqual({
      code: 'BAD_USER_INPUT',
      details: [
        { field: 'name', message: expect.stringContaining('must start with a letter') },
        { field: 'path', message: expect.stringContaining("cannot start with '-'") },
        { field: 'namespaceId', message: 'must be a positive integer' },
        { field: 'defaultBranch', message: 'is not a valid branch name' },
      ],
    });
    expect(detailsOf(() => assertCreateProjectInput({ path: 'repo.atom' }))).toMatchObject({ details: [{ field: 'path' }] });
  });

  it('checks access levels and dates strictly', () => {
    expect(detailsOf(() => assertMemberInput({ projectId: '1', userId: 5, accessLevel: 'MINIMAL_ACCESS', expiresAt: '2026-11-22' }, today))).toEqual({
      code: 'BAD_USER_INPUT',
      details: [
        { field: 'accessLevel', message: 'must be one of GUEST, PLANNER, REPORTER, DEVELOPER, MAINTAINER, OWNER for a project member' },
        { field: 'expiresAt', message: 'must be a date in the future' },
      ],
    });
    expect(detailsOf(() => assertMemberInput({ projectId: '1', userId: 5, accessLevel: 'GUEST', expiresAt: '2027-02-29' }, today))).toMatchObject({
      details: [{ field: 'expiresAt', message: 'must be a date as YYYY-MM-DD' }],
    });
  });

  it('refuses a hook URL that is not http(s)', () => {
    expect(detailsOf(() => assertAddHookInput({ projectId: '1', url: 'javascript:alert(1)' }))).toMatchObject({ details: [{ field: 'url' }] });
  });

  it('checks the project and id of deletes', () => {
    expect(assertProjectAndId(' acme/api ', 3, 'hookId')).toBe('acme/api');
    expect(detailsOf(() => assertProjectAndId('../etc', -1, 'userId'))).toEqual({
      code: 'BAD_USER_INPUT',
      details: [
        { field: 'projectId', message: 'must be a numeric project id or a full path such as group/name' },
        { field: 'userId', message: 'must be a positive integer' },
      ],
    });
  });
});
