import { describe, expect, it } from 'vitest';
import { useGhesGateway } from './context.js';
import { identifierOf, usedOperations } from '../../src/upstreams/ghes/generate.js';
import { ghesOperations } from '../../src/upstreams/ghes/operations.js';

const t = useGhesGateway();

/** The GraphQL field that reaches each GHES operation. */
const fields: Readonly<Record<keyof typeof ghesOperations, string>> = {
  listGlobalWebhooks: 'Query.ghesGlobalWebhooks',
  createGlobalWebhook: 'Mutation.createGhesGlobalWebhook',
  getGlobalWebhook: 'Query.ghesGlobalWebhook',
  updateGlobalWebhook: 'Mutation.updateGhesGlobalWebhook',
  deleteGlobalWebhook: 'Mutation.deleteGhesGlobalWebhook',
  pingGlobalWebhook: 'Mutation.pingGhesGlobalWebhook',
  listPublicKeys: 'Query.ghesPublicKeys',
  deletePublicKey: 'Mutation.deleteGhesPublicKey',
  updateLdapMappingForTeam: 'Mutation.updateGhesLdapTeamMapping',
  syncLdapMappingForTeam: 'Mutation.syncGhesLdapTeam',
  updateLdapMappingForUser: 'Mutation.updateGhesLdapUserMapping',
  syncLdapMappingForUser: 'Mutation.syncGhesLdapUser',
  createOrg: 'Mutation.createGhesOrganization',
  updateOrgName: 'Mutation.renameGhesOrganization',
  listPreReceiveEnvironments: 'Query.ghesPreReceiveEnvironments',
  createPreReceiveEnvironment: 'Mutation.createGhesPreReceiveEnvironment',
  getPreReceiveEnvironment: 'Query.ghesPreReceiveEnvironment',
  updatePreReceiveEnvironment: 'Mutation.updateGhesPreReceiveEnvironment',
  deletePreReceiveEnvironment: 'Mutation.deleteGhesPreReceiveEnvironment',
  startPreReceiveEnvironmentDownload: 'Mutation.startGhesPreReceiveEnvironmentDownload',
  getDownloadStatusForPreReceiveEnvironment: 'GhesPreReceiveEnvironment.latestDownload',
};

describe('GHES admin operations', () => {
  it('the table holds the 21 admin operations, each under its GitHub operationId', () => {
    expect(Object.keys(ghesOperations)).toHaveLength(21);
    expect(usedOperations.map((used) => identifierOf(used.operationId))).toEqual(Object.keys(ghesOperations));
    expect(ghesOperations.getPreReceiveEnvironment).toMatchObject({ method: 'GET', path: '/admin/pre-receive-environments/{pre_receive_environment_id}' });
  });

  it('the simulator serves exactly the operations of the table', async () => {
    const routes = (await (await fetch(`${t.simulators.ghes.simulator.origin}/__sim/routes`)).json()) as { method: string; pattern: string }[];
    const table = Object.values(ghesOperations).map((operation) => `${operation.method} ${operation.path.replace(/\{([^{}]+)\}/g, ':$1')}`);
    expect(routes.map((r) => `${r.method} ${r.pattern}`).sort()).toEqual(table.sort());
  });

  it('each operation has a GraphQL field that reaches it', async () => {
    const result = await t.gql(`{ __schema { types { name fields { name } } } }`);
    const present = new Set<string>();
    for (const type of result.data?.['__schema'].types ?? []) {
      for (const field of type.fields ?? []) present.add(`${type.name}.${field.name}`);
    }
    expect(Object.values(fields).filter((field) => !present.has(field))).toEqual([]);
  });
});
