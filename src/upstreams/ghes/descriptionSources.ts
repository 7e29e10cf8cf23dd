import type { DescriptionSources } from '../vendorDescriptions.js';

/**
 * Where GitHub's OpenAPI description of GHES describes what the schema's GHES
 * inputs, arguments and mutations map, for the generator (generate.ts), which
 * writes GitHub's own words into descriptions.ts for those the SDL does not
 * describe itself. GitHub describes request bodies and parameters, and none
 * of the admin answers' properties: the GHES object types are described in
 * the SDL. Operations are named by GitHub's operationIds.
 */
export const ghesDescriptionSources: DescriptionSources = {
  types: {
    CreateGhesGlobalWebhookInput: {
      from: [{ body: 'enterprise-admin/create-global-webhook' }],
      fields: { url: 'config.url', contentType: null, secret: 'config.secret', insecureSsl: null },
    },
    UpdateGhesGlobalWebhookInput: {
      from: [{ body: 'enterprise-admin/update-global-webhook' }],
      // GitHub's content type and TLS setting are strings (`form`, `"0"`); the schema's are an enum and a Boolean, written in the SDL.
      fields: { id: null, url: 'config.url', contentType: null, secret: 'config.secret', insecureSsl: null },
    },
    UpdateGhesLdapTeamMappingInput: { from: [{ body: 'enterprise-admin/update-ldap-mapping-for-team' }, { params: 'enterprise-admin/update-ldap-mapping-for-team' }] },
    SyncGhesLdapTeamInput: { from: [{ params: 'enterprise-admin/sync-ldap-mapping-for-team' }] },
    // GitHub's description of this body's ldap_dn speaks of a team (it is copied from the team's): ours is written in the SDL.
    UpdateGhesLdapUserMappingInput: { from: [{ params: 'enterprise-admin/update-ldap-mapping-for-user' }], fields: { ldapDn: null } },
    SyncGhesLdapUserInput: { from: [{ params: 'enterprise-admin/sync-ldap-mapping-for-user' }] },
    CreateGhesOrganizationInput: { from: [{ body: 'enterprise-admin/create-org' }] },
    RenameGhesOrganizationInput: { from: [{ body: 'enterprise-admin/update-org-name' }, { params: 'enterprise-admin/update-org-name' }] },
    CreateGhesPreReceiveEnvironmentInput: { from: [{ body: 'enterprise-admin/create-pre-receive-environment' }] },
    UpdateGhesPreReceiveEnvironmentInput: { from: [{ body: 'enterprise-admin/update-pre-receive-environment' }], fields: { id: null } },
  },
  fields: {
    'Query.ghesGlobalWebhooks': { operation: 'enterprise-admin/list-global-webhooks' },
    'Query.ghesPublicKeys': { operation: 'enterprise-admin/list-public-keys' },
    'Query.ghesPreReceiveEnvironments': { operation: 'enterprise-admin/list-pre-receive-environments' },
    'Mutation.createGhesGlobalWebhook': { operation: 'enterprise-admin/create-global-webhook' },
    'Mutation.updateGhesGlobalWebhook': { operation: 'enterprise-admin/update-global-webhook' },
    'Mutation.deleteGhesGlobalWebhook': { operation: 'enterprise-admin/delete-global-webhook' },
    'Mutation.pingGhesGlobalWebhook': { operation: 'enterprise-admin/ping-global-webhook' },
    'Mutation.deleteGhesPublicKey': { operation: 'enterprise-admin/delete-public-key' },
    'Mutation.updateGhesLdapTeamMapping': { operation: 'enterprise-admin/update-ldap-mapping-for-team' },
    'Mutation.syncGhesLdapTeam': { operation: 'enterprise-admin/sync-ldap-mapping-for-team' },
    'Mutation.updateGhesLdapUserMapping': { operation: 'enterprise-admin/update-ldap-mapping-for-user' },
    'Mutation.syncGhesLdapUser': { operation: 'enterprise-admin/sync-ldap-mapping-for-user' },
    'Mutation.createGhesOrganization': { operation: 'enterprise-admin/create-org' },
    'Mutation.renameGhesOrganization': { operation: 'enterprise-admin/update-org-name' },
    'Mutation.createGhesPreReceiveEnvironment': { operation: 'enterprise-admin/create-pre-receive-environment' },
    'Mutation.updateGhesPreReceiveEnvironment': { operation: 'enterprise-admin/update-pre-receive-environment' },
    'Mutation.deleteGhesPreReceiveEnvironment': { operation: 'enterprise-admin/delete-pre-receive-environment' },
    'Mutation.startGhesPreReceiveEnvironmentDownload': { operation: 'enterprise-admin/start-pre-receive-environment-download' },
    'GhesPreReceiveEnvironment.latestDownload': { operation: 'enterprise-admin/get-download-status-for-pre-receive-environment' },
  },
};
