import type {
  GhesLdapSyncResultResolvers,
  GhesLdapTeamMappingResolvers,
  GhesLdapUserMappingResolvers,
  GhesOrganizationResolvers,
  PingGhesGlobalWebhookPayloadResolvers,
} from '../../generated/graphql.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { assertGhesId } from './ids.js';

/** Results of the admin writes that have no read endpoint of their own (so no global id). */
export const GhesLdapTeamMapping: GhesLdapTeamMappingResolvers = {};
/** Resolvers of `GhesLdapUserMapping`. */
export const GhesLdapUserMapping: GhesLdapUserMappingResolvers = {};
/** Resolvers of `GhesLdapSyncResult`. */
export const GhesLdapSyncResult: GhesLdapSyncResultResolvers = {
  queued: (result) => result.status === 'queued',
};
/** Resolvers of `GhesOrganization`. */
export const GhesOrganization: GhesOrganizationResolvers = {
  organizationId: (organization) => organization.id,
};

/** The pinged webhook is read only when asked for. */
export const PingGhesGlobalWebhookPayload: PingGhesGlobalWebhookPayloadResolvers = {
  webhook: (payload, _args, { loaders }) => loadOrNull(loaders.ghes.globalWebhook, assertGhesId(payload.webhookId, 'GhesGlobalWebhook')),
};
