import type {
  GhesLdapSyncResultResolvers,
  GhesLdapTeamMappingResolvers,
  GhesLdapUserMappingResolvers,
  GhesOrganizationResolvers,
} from '../../generated/graphql.js';

/** Results of the admin writes that have no read endpoint of their own (so no global id). */
export const GhesLdapTeamMapping: GhesLdapTeamMappingResolvers = {};
export const GhesLdapUserMapping: GhesLdapUserMappingResolvers = {};
export const GhesLdapSyncResult: GhesLdapSyncResultResolvers = {
  queued: (result) => result.status === 'queued',
};
export const GhesOrganization: GhesOrganizationResolvers = {
  organizationId: (organization) => organization.id,
};
