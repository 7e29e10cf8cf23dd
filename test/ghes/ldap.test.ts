import { describe, expect, it } from 'vitest';
import { ghesCalls, useGhesGateway } from './context.js';

const t = useGhesGateway();

describe('GHES LDAP mappings through GraphQL', () => {
  it('maps a team to an LDAP DN and answers the team with its mapping', async () => {
    const dn = 'cn=Enterprise Ops,ou=teams,dc=ghes,dc=example,dc=com';
    const result = await t.gql(
      `mutation ($input: UpdateGhesLdapTeamMappingInput!) { updateGhesLdapTeamMapping(input: $input) { teamId ldapDn name slug privacy permission parentTeamId } }`,
      { input: { teamId: 6, ldapDn: dn } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['updateGhesLdapTeamMapping']).toMatchObject({ teamId: 6, ldapDn: dn, name: 'Mobile', slug: 'mobile', parentTeamId: 1 });
    expect((await t.requests('ghes')).map((r) => `${r.method} ${r.path}`)).toEqual(['PATCH /api/v3/admin/ldap/teams/6/mapping']);
    expect(t.simulators.ghes.store.teams.find((team) => team.id === 6)?.ldapDn).toBe(dn);
  });

  it('queues a team sync and a user sync (201 queued)', async () => {
    const result = await t.gql(`mutation { a: syncGhesLdapTeam(input: { teamId: 2 }) { status queued } b: syncGhesLdapUser(input: { username: "octocat" }) { status queued } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: { status: 'queued', queued: true }, b: { status: 'queued', queued: true } });
    expect(await ghesCalls(t)).toEqual(['POST /api/v3/admin/ldap/teams/2/sync', 'POST /api/v3/admin/ldap/users/octocat/sync']);
  });

  it('maps a user to an LDAP DN', async () => {
    const dn = 'uid=hubot,ou=bots,dc=ghes,dc=example,dc=com';
    const result = await t.gql(
      `mutation { updateGhesLdapUserMapping(input: { username: "hubot", ldapDn: "${dn}" }) { userId login ldapDn name email siteAdmin type } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['updateGhesLdapUserMapping']).toEqual({
      userId: 3,
      login: 'hubot',
      ldapDn: dn,
      name: 'Hubot',
      email: 'hubot@ghes.example.com',
      siteAdmin: false,
      type: 'User',
    });
  });

  it('validates the DN, team id and user name before calling GHES', async () => {
    const cases = [
      [`updateGhesLdapTeamMapping(input: { teamId: 1, ldapDn: "  " }) { teamId }`, 'ldapDn'],
      [`updateGhesLdapTeamMapping(input: { teamId: 1, ldapDn: "Enterprise Ops" }) { teamId }`, 'ldapDn'],
      [`updateGhesLdapTeamMapping(input: { teamId: 0, ldapDn: "cn=x" }) { teamId }`, 'teamId'],
      [`updateGhesLdapUserMapping(input: { username: "bad/name", ldapDn: "uid=x" }) { login }`, 'username'],
      [`syncGhesLdapUser(input: { username: "-nope" }) { status }`, 'username'],
    ];
    for (const [mutation, field] of cases) {
      const result = await t.gql(`mutation { ${mutation} }`);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ field }] });
    }
    expect(await ghesCalls(t)).toEqual([]);
  });

  it('an unknown team or user is NOT_FOUND from GHES', async () => {
    const result = await t.gql(`mutation { syncGhesLdapTeam(input: { teamId: 999 }) { status } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', service: 'ghes', status: 404 });
  });
});
