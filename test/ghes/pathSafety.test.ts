import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/errors/GatewayError.js';
import { buildPath } from '../../src/upstreams/buildPath.js';
import { ghesOperations } from '../../src/upstreams/ghes/operations.js';
import { hiddenDotSegments } from '../helpers/pathSafety.js';
import type { TestGateway } from '../helpers/startTestGateway.js';
import { ghesCalls, gid, useGhesGateway } from './context.js';

const t = useGhesGateway();

/** Values that would name another path, or no path, if they reached one. */
const attacks = [
  '..',
  '.',
  '',
  '%2e%2e',
  '..%2f',
  '%2e%2e%2fadmin%2fkeys',
  '../../admin/keys',
  '1/../../keys',
  'gh/acme/../../../me',
  'a/b/../../../../../etc/passwd',
  'octocat/../../../admin/keys',
  'octocat?page=2',
  'octocat#x',
  'octo\ncat',
  'octo\u0000cat',
  'octo\u2028cat',
  '\ud800',
  '-octocat',
  'octo--cat',
  'octo_cat',
  'x'.repeat(40),
  ...hiddenDotSegments,
];

/** Ids whose decoded key is not a GHES id: the attacks, and numbers that are not positive whole ids. */
const badKeys = [...attacks, '0', '01', '-1', '1.5', '1e3', '1,2', '9'.repeat(16)];

/** Expects one GraphQL error, BAD_USER_INPUT, for each answer. */
function refused(result: Awaited<ReturnType<TestGateway['gql']>>, label: string): void {
  expect(result.errors?.map((error) => error.extensions?.['code']), label).toEqual(['BAD_USER_INPUT']);
}

describe('GHES: no argument reaches another upstream path', () => {
  it('reads by global id: a hook or environment id that is not a positive whole number is refused before any call', async () => {
    for (const key of badKeys) {
      refused(await t.gql(`query ($id: ID!) { ghesGlobalWebhook(id: $id) { url } }`, { id: gid('GhesGlobalWebhook', key) }), `hook ${JSON.stringify(key)}`);
      refused(
        await t.gql(`query ($id: ID!) { ghesPreReceiveEnvironment(id: $id) { name } }`, { id: gid('GhesPreReceiveEnvironment', key) }),
        `environment ${JSON.stringify(key)}`,
      );
    }
    expect(await ghesCalls(t)).toEqual([]);
  });

  it('node(id:) and nodes(ids:) with such keys answer null and call nothing', async () => {
    const ids = badKeys.flatMap((key) => ['GhesGlobalWebhook', 'GhesPreReceiveEnvironment', 'GhesPublicKey'].map((type) => gid(type, key)));
    const one = await t.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: gid('GhesGlobalWebhook', '../../admin/keys') });
    expect(one.data).toEqual({ node: null });
    for (let start = 0; start < ids.length; start += 100) {
      const batch = ids.slice(start, start + 100);
      const many = await t.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: batch });
      expect(many.data?.['nodes']).toEqual(batch.map(() => null));
    }
    expect(await ghesCalls(t)).toEqual([]);
  });

  it('writes by global id: hooks, keys and environments refuse the same keys before any call', async () => {
    const writes = [
      ['GhesGlobalWebhook', `mutation ($id: ID!) { updateGhesGlobalWebhook(input: { id: $id, url: "https://hooks.example.com/x" }) { hookId } }`],
      ['GhesGlobalWebhook', `mutation ($id: ID!) { deleteGhesGlobalWebhook(input: { id: $id }) { deletedId } }`],
      ['GhesGlobalWebhook', `mutation ($id: ID!) { pingGhesGlobalWebhook(input: { id: $id }) { webhookId } }`],
      ['GhesPublicKey', `mutation ($id: ID!) { deleteGhesPublicKey(input: { id: $id }) { deletedId } }`],
      ['GhesPreReceiveEnvironment', `mutation ($id: ID!) { updateGhesPreReceiveEnvironment(input: { id: $id, name: "x" }) { name } }`],
      ['GhesPreReceiveEnvironment', `mutation ($id: ID!) { deleteGhesPreReceiveEnvironment(input: { id: $id }) { deletedId } }`],
      ['GhesPreReceiveEnvironment', `mutation ($id: ID!) { startGhesPreReceiveEnvironmentDownload(input: { id: $id }) { state } }`],
    ] as const;
    for (const [type, mutation] of writes) {
      for (const key of badKeys) refused(await t.gql(mutation, { id: gid(type, key) }), `${mutation} ${JSON.stringify(key)}`);
    }
    expect(await ghesCalls(t)).toEqual([]);
  });

  it('LDAP user writes and organization renames refuse user names and logins of another shape before any call', async () => {
    for (const name of attacks) {
      refused(await t.gql(`mutation ($u: String!) { syncGhesLdapUser(input: { username: $u }) { status } }`, { u: name }), `sync ${JSON.stringify(name)}`);
      refused(
        await t.gql(`mutation ($u: String!) { updateGhesLdapUserMapping(input: { username: $u, ldapDn: "uid=x,dc=example" }) { login } }`, { u: name }),
        `mapping ${JSON.stringify(name)}`,
      );
      refused(await t.gql(`mutation ($o: String!) { renameGhesOrganization(input: { org: $o, login: "fresh-name" }) { message } }`, { o: name }), `rename ${JSON.stringify(name)}`);
    }
    for (const teamId of [0, -1]) {
      refused(await t.gql(`mutation ($id: Int!) { syncGhesLdapTeam(input: { teamId: $id }) { status } }`, { id: teamId }), `team ${teamId}`);
    }
    expect(await ghesCalls(t)).toEqual([]);
  });

  it('a valid name or id is sent as exactly the path its operation names', async () => {
    const result = await t.gql(`mutation { a: syncGhesLdapUser(input: { username: "Octocat" }) { status } b: syncGhesLdapTeam(input: { teamId: 2 }) { status } }`);
    expect(result.errors).toBeUndefined();
    const hook = t.simulators.ghes.store.hooks[0]?.id as number;
    expect((await t.gql(`query ($id: ID!) { ghesGlobalWebhook(id: $id) { hookId } }`, { id: gid('GhesGlobalWebhook', hook) })).errors).toBeUndefined();
    expect(await ghesCalls(t)).toEqual(['POST /api/v3/admin/ldap/users/Octocat/sync', 'POST /api/v3/admin/ldap/teams/2/sync', `GET /api/v3/admin/hooks/${hook}`]);
  });
});

describe('GHES operations: every path parameter has its shape', () => {
  const samples: Readonly<Record<string, string | number>> = { hook_id: 7, key_ids: 7, team_id: 7, pre_receive_environment_id: 7, username: 'mona-lisa', org: 'acme' };
  const withParams = Object.values(ghesOperations).filter((operation) => operation.path.includes('{'));

  it('builds each path with valid values, each one segment', () => {
    const built = withParams.map((operation) => buildPath(operation, samples));
    expect(built.filter((path) => path.includes('{') || path.includes('..'))).toEqual([]);
    expect(buildPath(ghesOperations.updateLdapMappingForUser, samples)).toBe('/admin/ldap/users/mona-lisa/mapping');
    expect(buildPath(ghesOperations.getPreReceiveEnvironment, samples)).toBe('/admin/pre-receive-environments/7');
  });

  it('refuses every attack in every path parameter of every operation, reads and writes, with BAD_USER_INPUT', () => {
    const accepted: string[] = [];
    for (const operation of withParams) {
      for (const name of Object.keys(operation.params ?? {})) {
        // Numeric strings are logins as good as any; ids refuse them unless they are positive whole ids.
        const values = name === 'username' || name === 'org' ? attacks : badKeys;
        for (const value of [...values, -7, 1.5, 2 ** 53]) {
          try {
            accepted.push(`${operation.id} ${name}=${JSON.stringify(value)} → ${buildPath(operation, { ...samples, [name]: value })}`);
          } catch (error) {
            expect(error).toBeInstanceOf(GatewayError);
            expect((error as GatewayError).code).toBe('BAD_USER_INPUT');
          }
        }
      }
    }
    expect(withParams.map((operation) => operation.method)).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH', 'DELETE']));
    expect(accepted).toEqual([]);
  });
});
