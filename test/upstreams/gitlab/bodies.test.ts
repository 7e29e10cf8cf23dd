import { describe, expect, it } from 'vitest';
import { addHookBody, addMemberBody, createProjectBody, updateHookBody, updateMemberBody } from '../../../src/upstreams/gitlab/bodies.js';

describe('GitLab request bodies', () => {
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

  it('builds member bodies with numeric access levels', () => {
    expect(addMemberBody({ projectId: 'acme/api', userId: 5, accessLevel: 'OWNER', expiresAt: '2026-11-23' })).toEqual({
      project: 'acme/api',
      body: { user_id: 5, access_level: 50, expires_at: '2026-11-23' },
    });
    expect(updateMemberBody({ projectId: '12', userId: 5, accessLevel: 'PLANNER' })).toEqual({ project: '12', body: { access_level: 15 } });
  });

  it('builds hook bodies with only the flags that were set', () => {
    expect(addHookBody({ projectId: 'acme/api', url: 'https://ci.example/h', token: 't', pushEvents: false, releasesEvents: true, enableSslVerification: false })).toEqual({
      project: 'acme/api',
      body: { url: 'https://ci.example/h', token: 't', push_events: false, releases_events: true, enable_ssl_verification: false },
    });
    expect(updateHookBody({ projectId: '1', hookId: 4, noteEvents: true })).toEqual({ project: '1', body: { note_events: true } });
  });
});
