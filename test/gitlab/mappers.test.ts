import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessLevelName, toMember, toProject, toProjectHook } from '../../src/upstreams/gitlab/mappers.js';
import { toJob, toPipeline } from '../../src/upstreams/gitlab/pipelineMappers.js';

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

  it('maps a pipeline read whole: numbers sent as strings, coverage as GitLab writes it', () => {
    expect(toPipeline(fixture('pipeline.json'), true)).toEqual({
      __typename: 'GitLabPipeline',
      id: 287,
      iid: 144,
      projectId: 21,
      status: 'success',
      ref: 'main',
      sha: '50f0acb76a40e34a4ff304f7347dcc6587da8a14',
      source: 'push',
      name: 'Build pipeline',
      webUrl: 'http://127.0.0.1:3000/test-group/test-project/-/pipelines/287',
      createdAt: '2022-09-21T01:05:07.200Z',
      updatedAt: '2022-09-21T01:05:50.185Z',
      detailed: true,
      beforeSha: '8a24fb3c5877a6d0b611ca41fc86edc174593e2b',
      tag: false,
      yamlErrors: null,
      userName: 'root',
      startedAt: '2022-09-21T01:05:14.197Z',
      finishedAt: '2022-09-21T01:05:50.175Z',
      committedAt: null,
      duration: 34,
      queuedDuration: 6,
      coverage: 98.29,
    });
  });

  it('maps a pipeline of a list, which carries fewer fields, and takes its project from the list', () => {
    const { id, iid, sha, ref, status, source, created_at, updated_at, web_url } = fixture('pipeline.json');
    expect(toPipeline({ id, iid, sha, ref, status, source, created_at, updated_at, web_url }, false, 5)).toMatchObject({
      id: 287,
      projectId: 5,
      detailed: false,
      tag: null,
      startedAt: null,
      duration: null,
      userName: null,
    });
  });

  it("maps a job, with its pipeline's and project's ids from the job", () => {
    expect(toJob(fixture('job.json'), 99)).toEqual({
      __typename: 'GitLabJob',
      id: 7,
      projectId: 1,
      pipelineId: 6,
      name: 'rspec:other',
      stage: 'test',
      status: 'failed',
      ref: 'main',
      tag: false,
      allowFailure: false,
      failureReason: 'script_failure',
      coverage: null,
      createdAt: '2015-12-24T15:51:21.880Z',
      startedAt: '2015-12-24T17:54:30.733Z',
      finishedAt: '2015-12-24T17:54:31.198Z',
      erasedAt: null,
      duration: 0.465,
      queuedDuration: 0.123,
      webUrl: 'https://example.com/foo/bar/-/jobs/7',
    });
  });
});
