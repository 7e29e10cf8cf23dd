import type { MutationResolvers } from '../../generated/graphql.js';
import { assertGhesId } from './ids.js';
import {
  assertGlobalWebhookSettings,
  assertLdapDn,
  assertOrganizationInput,
  assertOrgLogin,
  assertPreReceiveEnvironmentInput,
  assertPreReceiveEnvironmentPatch,
  assertTeamId,
  assertUsername,
} from './validation.js';

/** The GHES `Mutation` fields. */
export const Mutation: MutationResolvers = {
  createGhesGlobalWebhook: (_root, { input }, { loaders }) => loaders.ghes.createGlobalWebhook(assertGlobalWebhookSettings(input)),
  updateGhesGlobalWebhook: (_root, { input }, { loaders }) => loaders.ghes.updateGlobalWebhook(assertGhesId(input.id, 'GhesGlobalWebhook'), assertGlobalWebhookSettings(input)),
  deleteGhesGlobalWebhook: async (_root, { input }, { loaders }) => {
    await loaders.ghes.deleteGlobalWebhook(assertGhesId(input.id, 'GhesGlobalWebhook'));
    return { deletedId: input.id };
  },
  pingGhesGlobalWebhook: async (_root, { input }, { loaders }) => {
    await loaders.ghes.pingGlobalWebhook(assertGhesId(input.id, 'GhesGlobalWebhook'));
    return { webhookId: input.id };
  },
  deleteGhesPublicKey: async (_root, { input }, { loaders }) => {
    await loaders.ghes.deletePublicKey(assertGhesId(input.id, 'GhesPublicKey'));
    return { deletedId: input.id };
  },
  updateGhesLdapTeamMapping: (_root, { input }, { loaders }) => loaders.ghes.updateLdapTeamMapping(assertTeamId(input.teamId), assertLdapDn(input.ldapDn)),
  syncGhesLdapTeam: (_root, { input }, { loaders }) => loaders.ghes.syncLdapTeam(assertTeamId(input.teamId)),
  updateGhesLdapUserMapping: (_root, { input }, { loaders }) => loaders.ghes.updateLdapUserMapping(assertUsername(input.username), assertLdapDn(input.ldapDn)),
  syncGhesLdapUser: (_root, { input }, { loaders }) => loaders.ghes.syncLdapUser(assertUsername(input.username)),
  createGhesOrganization: (_root, { input }, { loaders }) => loaders.ghes.createOrganization(assertOrganizationInput(input)),
  renameGhesOrganization: (_root, { input }, { loaders }) => loaders.ghes.renameOrganization(assertOrgLogin(input.org, 'org'), assertOrgLogin(input.login)),
  createGhesPreReceiveEnvironment: (_root, { input }, { loaders }) => loaders.ghes.createPreReceiveEnvironment(assertPreReceiveEnvironmentInput(input)),
  updateGhesPreReceiveEnvironment: (_root, { input }, { loaders }) =>
    loaders.ghes.updatePreReceiveEnvironment(assertGhesId(input.id, 'GhesPreReceiveEnvironment'), assertPreReceiveEnvironmentPatch(input)),
  deleteGhesPreReceiveEnvironment: async (_root, { input }, { loaders }) => {
    await loaders.ghes.deletePreReceiveEnvironment(assertGhesId(input.id, 'GhesPreReceiveEnvironment'));
    return { deletedId: input.id };
  },
  startGhesPreReceiveEnvironmentDownload: (_root, { input }, { loaders }) =>
    loaders.ghes.startPreReceiveEnvironmentDownload(assertGhesId(input.id, 'GhesPreReceiveEnvironment')),
};
