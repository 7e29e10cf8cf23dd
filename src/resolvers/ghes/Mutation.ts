import type { MutationResolvers } from '../../generated/graphql.js';
import { ghesIdOf } from './ids.js';

/** The GHES `Mutation` fields. */
export const Mutation: MutationResolvers = {
  createGhesGlobalWebhook: (_root, { input }, { loaders }) => loaders.ghes.createGlobalWebhook(input),
  updateGhesGlobalWebhook: (_root, { input }, { loaders }) => loaders.ghes.updateGlobalWebhook(ghesIdOf(input.id, 'GhesGlobalWebhook'), input),
  deleteGhesGlobalWebhook: async (_root, { input }, { loaders }) => {
    await loaders.ghes.deleteGlobalWebhook(ghesIdOf(input.id, 'GhesGlobalWebhook'));
    return { deletedId: input.id };
  },
  pingGhesGlobalWebhook: async (_root, { input }, { loaders }) => {
    await loaders.ghes.pingGlobalWebhook(ghesIdOf(input.id, 'GhesGlobalWebhook'));
    return { webhookId: input.id };
  },
  deleteGhesPublicKey: async (_root, { input }, { loaders }) => {
    await loaders.ghes.deletePublicKey(ghesIdOf(input.id, 'GhesPublicKey'));
    return { deletedId: input.id };
  },
  updateGhesLdapTeamMapping: (_root, { input }, { loaders }) => loaders.ghes.updateLdapTeamMapping(input.teamId, input.ldapDn),
  syncGhesLdapTeam: (_root, { input }, { loaders }) => loaders.ghes.syncLdapTeam(input.teamId),
  updateGhesLdapUserMapping: (_root, { input }, { loaders }) => loaders.ghes.updateLdapUserMapping(input.username, input.ldapDn),
  syncGhesLdapUser: (_root, { input }, { loaders }) => loaders.ghes.syncLdapUser(input.username),
  createGhesOrganization: (_root, { input }, { loaders }) => loaders.ghes.createOrganization(input),
  renameGhesOrganization: (_root, { input }, { loaders }) => loaders.ghes.renameOrganization(input.org, input.login),
  createGhesPreReceiveEnvironment: (_root, { input }, { loaders }) => loaders.ghes.createPreReceiveEnvironment(input),
  updateGhesPreReceiveEnvironment: (_root, { input }, { loaders }) =>
    loaders.ghes.updatePreReceiveEnvironment(ghesIdOf(input.id, 'GhesPreReceiveEnvironment'), input),
  deleteGhesPreReceiveEnvironment: async (_root, { input }, { loaders }) => {
    await loaders.ghes.deletePreReceiveEnvironment(ghesIdOf(input.id, 'GhesPreReceiveEnvironment'));
    return { deletedId: input.id };
  },
  startGhesPreReceiveEnvironmentDownload: (_root, { input }, { loaders }) =>
    loaders.ghes.startPreReceiveEnvironmentDownload(ghesIdOf(input.id, 'GhesPreReceiveEnvironment')),
};
