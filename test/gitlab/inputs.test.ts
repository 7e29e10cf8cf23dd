import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/errors/GatewayError.js';
import { addHookBody, addMemberBody, createProjectBody, projectAndId, updateHookBody, updateMemberBody } from '../../src/upstreams/gitlab/inputs.js';

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

describe('GitLab input checks and request bodies', () => {
  it('builds the POST /projects body in GitLab names', () => {
    expect(createProjectBody({ name: 'Release Tools', namespaceId: 100, visibility: 'PUBLIC', defaultBranch: 'trunk', initializeWithReadme: true })).toEqual({
      name: 'Release Tools',
      namespace_id: 100,
      visibility: 'public',
      default_branch: 'trunk',
      initialize_with_readme: true,
    });
    expect(createProjectBody({ path: 'tools.v2' })).toEqual({ path: 'tools.v2' });
    expect(createProjectBody({ name: 'Émoji 🚀 project' })).toEqual({ name: 'Émoji 🚀 project' });
  });

  it('refuses bad project names, paths and ids', () => {
    expect(detailsOf(() => createProjectBody({ name: '.hidden', path: '-x', namespaceId: 0, defaultBranch: 'has space' }))).toEqual({
      code: 'BAD_USER_INPUT',
      details: [
        { field: 'name', message: expect.stringContaining('must start with a letter') },
        { field: 'path', message: expect.stringContaining("cannot start with '-'") },
        { field: 'namespaceId', message: 'must be a positive integer' },
        { field: 'defaultBranch', message: 'is not a valid branch name' },
      ],
    });
    expect(detailsOf(() => createProjectBody({ path: 'repo.atom' }))).toMatchObject({ details: [{ field: 'path' }] });
  });

  it('builds member bodies with numeric access levels, and checks dates strictly', () => {
    expect(addMemberBody({ projectId: 'acme/api', userId: 5, accessLevel: 'OWNER', expiresAt: '2026-11-23' }, today)).toEqual({
      project: 'acme/api',
      body: { user_id: 5, access_level: 50, expires_at: '2026-11-23' },
    });
    expect(updateMemberBody({ projectId: '12', userId: 5, accessLevel: 'PLANNER' }, today)).toEqual({ project: '12', body: { access_level: 15 } });
    expect(detailsOf(() => addMemberBody({ projectId: '1', userId: 5, accessLevel: 'MINIMAL_ACCESS', expiresAt: '2026-11-22' }, today))).toEqual({
      code: 'BAD_USER_INPUT',
      details: [
        { field: 'accessLevel', message: 'must be one of GUEST, PLANNER, REPORTER, DEVELOPER, MAINTAINER, OWNER for a project member' },
        { field: 'expiresAt', message: 'must be a date in the future' },
      ],
    });
    expect(detailsOf(() => updateMemberBody({ projectId: '1', userId: 5, accessLevel: 'GUEST', expiresAt: '2027-02-29' }, today))).toMatchObject({
      details: [{ field: 'expiresAt', message: 'must be a date as YYYY-MM-DD' }],
    });
  });

  it('builds hook bodies with only the flags that were set', () => {
    expect(addHookBody({ projectId: 'acme/api', url: 'https://ci.example/h', token: 't', pushEvents: false, releasesEvents: true, enableSslVerification: false })).toEqual({
      project: 'acme/api',
      body: { url: 'https://ci.example/h', token: 't', push_events: false, releases_events: true, enable_ssl_verification: false },
    });
    expect(updateHookBody({ projectId: '1', hookId: 4, noteEvents: true })).toEqual({ project: '1', body: { note_events: true } });
    expect(detailsOf(() => addHookBody({ projectId: '1', url: 'javascript:alert(1)' }))).toMatchObject({ details: [{ field: 'url' }] });
  });

  it('checks the project and id of deletes', () => {
    expect(projectAndId(' acme/api ', 3, 'hookId')).toBe('acme/api');
    expect(detailsOf(() => projectAndId('../etc', -1, 'userId'))).toEqual({
      code: 'BAD_USER_INPUT',
      details: [
        { field: 'projectId', message: 'must be a numeric project id or a full path such as group/name' },
        { field: 'userId', message: 'must be a positive integer' },
      ],
    });
  });
});
