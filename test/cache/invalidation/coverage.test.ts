import { describe, expect, it } from 'vitest';
import { createSchema } from '../../../src/schema/createSchema.js';
import type { TestGateway } from '../../helpers/startTestGateway.js';
import { circleciCases } from './cases/circleci.js';
import { concordCases } from './cases/concord.js';
import { flexstackCases } from './cases/flexstack.js';
import { ghesCases } from './cases/ghes.js';
import { gitlabCases } from './cases/gitlab.js';

/** Mutations after which no answer the gateway can read through GraphQL is stale, and why. */
const nothingReadable: Readonly<Record<string, string>> = {
  _ping: 'calls no upstream',
  circleciCreateProject: 'follows a project that could not be read before (a 404, never cached)',
  circleciCreateUsageExport: 'creates an export job that could not be read before',
  pingGhesGlobalWebhook: 'sends a ping event; the hook itself does not change',
  createGhesOrganization: 'no GraphQL field reads GHES organizations',
  renameGhesOrganization: 'no GraphQL field reads GHES organizations',
  updateGhesLdapTeamMapping: 'no GraphQL field reads LDAP mappings',
  syncGhesLdapTeam: 'queues a sync; no GraphQL field reads LDAP mappings',
  updateGhesLdapUserMapping: 'no GraphQL field reads LDAP mappings',
  syncGhesLdapUser: 'queues a sync; no GraphQL field reads LDAP mappings',
};

describe('cache invalidation cases', () => {
  it('cover every mutation of the schema, or say why nothing it changes can be read', () => {
    const mutations = Object.keys(createSchema().getMutationType()?.getFields() ?? {});
    const unused = (): TestGateway => {
      throw new Error('not started');
    };
    const covered = new Set(
      [circleciCases, concordCases, flexstackCases, ghesCases, gitlabCases].flatMap((cases) => cases(unused).map(([name]) => name.split(' ')[0] as string)),
    );
    expect(mutations.filter((name) => !covered.has(name) && nothingReadable[name] === undefined)).toEqual([]);
    expect([...covered].filter((name) => !mutations.includes(name))).toEqual([]);
    expect(Object.keys(nothingReadable).filter((name) => covered.has(name) || !mutations.includes(name))).toEqual([]);
  });
});
