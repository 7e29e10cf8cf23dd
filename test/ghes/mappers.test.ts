import { describe, expect, it } from 'vitest';
import {
  toGlobalWebhook,
  toLdapSync,
  toLdapTeamMapping,
  toLdapUserMapping,
  toOrganization,
  toOrganizationRename,
  toPreReceiveDownload,
  toPreReceiveEnvironment,
  toPublicKey,
} from '../../src/upstreams/ghes/mappers.js';
import { ghesProtocol } from '../../src/upstreams/ghes/protocol.js';
import { fixture } from './fixture.js';

describe('GHES mappers on seed-shaped bodies', () => {
  it('maps a global webhook, masking nothing but reporting that a secret is set', () => {
    expect(toGlobalWebhook(fixture('globalHook'))).toEqual({
      __typename: 'GhesGlobalWebhook',
      id: 1,
      type: 'Global',
      name: 'web',
      active: true,
      events: ['organization', 'user'],
      url: 'https://example.com',
      contentType: 'JSON',
      rawContentType: 'json',
      insecureSsl: false,
      hasSecret: true,
      apiUrl: 'https://api.github.com/admin/hooks/1',
      pingUrl: 'https://api.github.com/admin/hooks/1/pings',
      createdAt: '2017-12-07T00:14:59Z',
      updatedAt: '2017-12-07T00:14:59Z',
    });
  });

  it('decodes an updated hook leniently: string id and boolean, numeric insecure_ssl, no secret', () => {
    expect(toGlobalWebhook(fixture('globalHookUpdated'))).toEqual({
      __typename: 'GhesGlobalWebhook',
      id: 1,
      type: 'Global',
      name: 'web',
      active: true,
      events: ['organization'],
      url: 'https://example.com',
      contentType: 'FORM',
      rawContentType: 'form',
      insecureSsl: true,
      hasSecret: false,
      apiUrl: 'https://api.github.com/admin/hooks/1',
      pingUrl: 'https://api.github.com/admin/hooks/1/pings',
      createdAt: '2017-12-07T00:14:59Z',
      updatedAt: '2017-12-07T00:14:59Z',
    });
  });

  it("reads an update's answer, which never carries config.secret, by the secret the update sent", () => {
    expect(toGlobalWebhook(fixture('globalHookUpdated'), true).hasSecret).toBe(true);
    expect(toGlobalWebhook(fixture('globalHookUpdated'), false).hasSecret).toBe(false);
    // A body that carries the (masked) secret says so itself.
    expect(toGlobalWebhook(fixture('globalHook'), false).hasSecret).toBe(true);
  });

  it('maps public keys, nullable owners and numbers sent as strings included', () => {
    expect(fixture<unknown[]>('publicKeys').map((key) => toPublicKey(key as never))).toEqual([
      {
        __typename: 'GhesPublicKey',
        id: 2,
        key: '2Sg8iYjAxxmI2LvUXpJjkYrMxURPc8r+dB7TJyvv1234',
        userId: 1,
        repositoryId: 2,
        url: 'https://api.github.com/user/keys/2',
        title: 'ssh-rsa AAAAB3NzaC1yc2EAAA',
        readOnly: false,
        verified: false,
        createdAt: '2020-06-11T21:31:57Z',
        addedBy: null,
        lastUsed: '2020-06-11T22:31:57Z',
      },
      {
        __typename: 'GhesPublicKey',
        id: 3,
        key: '9Og8iYjAyymI9LvABpJerYrMxURPc8r+dB7TJyvv1234',
        userId: null,
        repositoryId: 2,
        url: 'https://api.github.com/user/keys/2',
        title: 'ssh-rsa AAAAB3NzaC1yc2EAAA',
        readOnly: false,
        verified: true,
        createdAt: '2020-06-11T21:31:57Z',
        addedBy: 'octocat',
        lastUsed: null,
      },
    ]);
  });

  it('maps the LDAP team and user mapping answers and a sync answer', () => {
    expect(toLdapTeamMapping(fixture('ldapTeam'))).toEqual({
      __typename: 'GhesLdapTeamMapping',
      ldapDn: 'cn=Enterprise Ops,ou=teams,dc=github,dc=com',
      teamId: 1,
      nodeId: 'MDQ6VGVhbTE=',
      name: 'Justice League',
      slug: 'justice-league',
      description: 'A great team.',
      privacy: 'closed',
      notificationSetting: 'notifications_enabled',
      permission: 'admin',
      url: 'https://api.github.com/teams/1',
      htmlUrl: 'https://github.com/orgs/github/teams/justice-league',
      parentTeamId: null,
    });
    expect(toLdapUserMapping(fixture('ldapUser'))).toEqual({
      __typename: 'GhesLdapUserMapping',
      ldapDn: 'uid=asdf,ou=users,dc=github,dc=com',
      login: 'octocat',
      userId: 1,
      nodeId: 'MDQ6VXNlcjE=',
      name: 'monalisa octocat',
      email: 'octocat@github.com',
      company: 'GitHub',
      location: 'San Francisco',
      avatarUrl: 'https://github.com/images/error/octocat_happy.gif',
      url: 'https://api.github.com/users/octocat',
      htmlUrl: 'https://github.com/octocat',
      type: 'User',
      siteAdmin: false,
      createdAt: '2008-01-14T04:33:35Z',
      updatedAt: '2008-01-14T04:33:35Z',
      suspendedAt: null,
    });
    expect(toLdapSync({ status: 'queued' })).toEqual({ __typename: 'GhesLdapSyncResult', status: 'queued' });
  });

  it('maps an organization and the 202 rename answer', () => {
    expect(toOrganization(fixture('organization'))).toEqual({
      __typename: 'GhesOrganization',
      id: 1,
      login: 'github',
      nodeId: 'MDEyOk9yZ2FuaXphdGlvbjE=',
      url: 'https://api.github.com/orgs/github',
      reposUrl: 'https://api.github.com/orgs/github/repos',
      avatarUrl: 'https://github.com/images/error/octocat_happy.gif',
      description: 'A great organization',
    });
    expect(toOrganizationRename(fixture('organizationRename'))).toEqual({
      __typename: 'GhesOrganizationRenameResult',
      message: 'Job queued to rename organization. It may take a few minutes to complete.',
      url: 'https://<hostname>/api/v3/organizations/1',
    });
  });

  it('maps pre-receive environments with their embedded download, and a download status', () => {
    const [defaultEnvironment, devTools] = fixture<unknown[]>('preReceiveEnvironments').map((e) => toPreReceiveEnvironment(e as never));
    expect(defaultEnvironment).toEqual({
      __typename: 'GhesPreReceiveEnvironment',
      id: 1,
      name: 'Default',
      imageUrl: 'githubenterprise://internal',
      url: 'https://github.example.com/api/v3/admin/pre-receive-environments/1',
      htmlUrl: 'https://github.example.com/admin/pre-receive-environments/1',
      defaultEnvironment: true,
      createdAt: '2016-05-20T11:35:45-05:00',
      hooksCount: 14,
      download: {
        __typename: 'GhesPreReceiveDownload',
        url: 'https://github.example.com/api/v3/admin/pre-receive-environments/1/downloads/latest',
        state: 'NOT_STARTED',
        rawState: 'not_started',
        downloadedAt: '2016-05-26T07:42:53-05:00',
        message: null,
      },
    });
    expect(devTools?.hooksCount).toBe(1);
    expect(devTools?.download?.state).toBe('SUCCESS');
    expect(toPreReceiveDownload(fixture('download'))).toEqual({
      __typename: 'GhesPreReceiveDownload',
      url: 'https://github.example.com/api/v3/admin/pre-receive-environments/3/downloads/latest',
      state: 'NOT_STARTED',
      rawState: 'not_started',
      downloadedAt: null,
      message: null,
    });
    expect(toPreReceiveDownload({ state: 'exploded' })).toMatchObject({ state: 'UNKNOWN', rawState: 'exploded' });
  });

  it("reads a 422's errors as details, with or without a field", () => {
    expect(ghesProtocol.parseError(422, fixture('validationFailed'), {})).toEqual({
      message: 'Validation Failed',
      details: [{ message: 'Cannot modify or delete the default environment' }],
    });
    const withField = { message: 'Validation Failed', errors: [{ resource: 'Hook', code: 'invalid', field: 'events' }] };
    expect(ghesProtocol.parseError(422, withField, {})).toEqual({
      message: 'Validation Failed',
      details: [{ field: 'events', message: 'Hook events invalid' }],
    });
  });
});
