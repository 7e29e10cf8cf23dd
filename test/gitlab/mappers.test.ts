import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessLevelName, toMember, toProject, toProjectHook } from '../../src/upstreams/gitlab/mappers.js';

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('GitLab mappers', () => {
  it('maps a v4 project, numbers sent as strings included', () => {
    expect(toProject(fixture('project.json'))).toEqual({
      __typename: 'GitLabProject',
      id: 17,
      name: 'Gateway',
      nameWithNamespace: 'Acme / Platform / Gateway',
      path: 'gateway',
      pathWithNamespace: 'acme/platform/gateway',
      description: 'Edge gateway',
      visibility: 'INTERNAL',
      rawVisibility: 'internal',
      defaultBranch: 'main',
      webUrl: 'https://gitlab.example.com/acme/platform/gateway',
      httpUrlToRepo: 'https://gitlab.example.com/acme/platform/gateway.git',
      sshUrlToRepo: 'git@gitlab.example.com:acme/platform/gateway.git',
      archived: false,
      topics: ['go', '7'],
      starCount: 31,
      forksCount: 2,
      createdAt: '2023-03-30T09:04:57.000Z',
      lastActivityAt: '2023-04-02T11:00:00.000Z',
      namespace: {
        id: 101,
        name: 'Platform',
        path: 'platform',
        kind: 'group',
        fullPath: 'acme/platform',
        parentId: 100,
        webUrl: 'https://gitlab.example.com/groups/acme/platform',
      },
    });
  });

  it('maps a project with nulls and unknown values without failing', () => {
    expect(toProject({ id: 3, name: 'rails', visibility: 'secret', namespace: null, description: null, default_branch: null })).toEqual({
      __typename: 'GitLabProject',
      id: 3,
      name: 'rails',
      nameWithNamespace: null,
      path: '',
      pathWithNamespace: '',
      description: null,
      visibility: 'UNKNOWN',
      rawVisibility: 'secret',
      defaultBranch: null,
      webUrl: null,
      httpUrlToRepo: null,
      sshUrlToRepo: null,
      archived: false,
      topics: [],
      starCount: null,
      forksCount: null,
      createdAt: null,
      lastActivityAt: null,
      namespace: null,
    });
  });

  it('maps a member with the project it was read from', () => {
    expect(toMember(fixture('member.json'), '1')).toEqual({
      __typename: 'GitLabMember',
      projectRef: '1',
      userId: 9,
      username: 'dennis',
      name: 'Dennis Ritchie',
      state: 'active',
      accessLevel: 'MAINTAINER',
      accessLevelValue: 40,
      expiresAt: '2027-06-30',
      createdAt: '2023-01-12T09:55:25.000Z',
      avatarUrl: 'https://secure.gravatar.com/avatar/e544e26ab3a7e36125f5d9412c91a798?s=80&d=identicon',
      webUrl: 'https://gitlab.example.com/dennis',
    });
  });

  it('names every access level, and an unknown one UNKNOWN', () => {
    expect([0, 5, 10, 15, 20, 30, 40, 50, 60, '30', null].map(accessLevelName)).toEqual([
      'NO_ACCESS',
      'MINIMAL_ACCESS',
      'GUEST',
      'PLANNER',
      'REPORTER',
      'DEVELOPER',
      'MAINTAINER',
      'OWNER',
      'UNKNOWN',
      'DEVELOPER',
      'UNKNOWN',
    ]);
  });

  it('maps a hook: every flag, booleans sent as strings, no token', () => {
    expect(toProjectHook(fixture('hook.json'))).toEqual({
      __typename: 'GitLabProjectHook',
      id: 7,
      projectId: 23,
      url: 'https://chat.globex.example/gitlab',
      name: 'Chat',
      description: '',
      flags: {
        push_events: false,
        issues_events: true,
        confidential_issues_events: false,
        merge_requests_events: true,
        tag_push_events: false,
        note_events: false,
        confidential_note_events: false,
        job_events: true,
        pipeline_events: true,
        wiki_page_events: false,
        deployment_events: false,
        releases_events: false,
      },
      pushEventsBranchFilter: 'main',
      enableSslVerification: false,
      alertStatus: 'temporarily_disabled',
      disabledUntil: '2026-12-01T10:00:00.000Z',
      createdAt: '2023-05-10T10:00:00.000Z',
    });
  });
});
