import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestGateway } from '../helpers/startTestGateway.js';
import { startGhes } from './context.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startGhes();
});
afterAll(async () => {
  await t.close();
});

/** The 21 operations of the GHES admin seed, and the GraphQL field that reaches each. */
const operations: readonly [string, string][] = [
  ['GET /admin/hooks', 'Query.ghesGlobalWebhooks'],
  ['POST /admin/hooks', 'Mutation.createGhesGlobalWebhook'],
  ['GET /admin/hooks/:hook_id', 'Query.ghesGlobalWebhook'],
  ['PATCH /admin/hooks/:hook_id', 'Mutation.updateGhesGlobalWebhook'],
  ['DELETE /admin/hooks/:hook_id', 'Mutation.deleteGhesGlobalWebhook'],
  ['POST /admin/hooks/:hook_id/pings', 'Mutation.pingGhesGlobalWebhook'],
  ['GET /admin/keys', 'Query.ghesPublicKeys'],
  ['DELETE /admin/keys/:key_ids', 'Mutation.deleteGhesPublicKey'],
  ['PATCH /admin/ldap/teams/:team_id/mapping', 'Mutation.updateGhesLdapTeamMapping'],
  ['POST /admin/ldap/teams/:team_id/sync', 'Mutation.syncGhesLdapTeam'],
  ['PATCH /admin/ldap/users/:username/mapping', 'Mutation.updateGhesLdapUserMapping'],
  ['POST /admin/ldap/users/:username/sync', 'Mutation.syncGhesLdapUser'],
  ['POST /admin/organizations', 'Mutation.createGhesOrganization'],
  ['PATCH /admin/organizations/:org', 'Mutation.renameGhesOrganization'],
  ['GET /admin/pre-receive-environments', 'Query.ghesPreReceiveEnvironments'],
  ['POST /admin/pre-receive-environments', 'Mutation.createGhesPreReceiveEnvironment'],
  ['GET /admin/pre-receive-environments/:id', 'Query.ghesPreReceiveEnvironment'],
  ['PATCH /admin/pre-receive-environments/:id', 'Mutation.updateGhesPreReceiveEnvironment'],
  ['DELETE /admin/pre-receive-environments/:id', 'Mutation.deleteGhesPreReceiveEnvironment'],
  ['POST /admin/pre-receive-environments/:id/downloads', 'Mutation.startGhesPreReceiveEnvironmentDownload'],
  ['GET /admin/pre-receive-environments/:id/downloads/latest', 'GhesPreReceiveEnvironment.latestDownload'],
];

describe('GHES admin operations', () => {
  it('the simulator serves exactly the 21 seed operations', async () => {
    const routes = (await (await fetch(`${t.simulators.ghes.simulator.origin}/__sim/routes`)).json()) as { method: string; pattern: string }[];
    expect(routes.map((r) => `${r.method} ${r.pattern}`).sort()).toEqual(operations.map(([op]) => op).sort());
  });

  it('each operation has a GraphQL field that reaches it', async () => {
    const result = await t.gql(`{ __schema { types { name fields { name } } } }`);
    const fields = new Set<string>();
    for (const type of result.data?.['__schema'].types ?? []) {
      for (const field of type.fields ?? []) fields.add(`${type.name}.${field.name}`);
    }
    expect(operations.filter(([, field]) => !fields.has(field))).toEqual([]);
  });
});
