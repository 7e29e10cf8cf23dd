import type { Resolvers } from '../../generated/graphql.js';
import { GhesGlobalWebhook } from './GhesGlobalWebhook.js';
import { GhesPreReceiveEnvironment } from './GhesPreReceiveEnvironment.js';
import { GhesPublicKey } from './GhesPublicKey.js';
import { GhesLdapSyncResult, GhesLdapTeamMapping, GhesLdapUserMapping, GhesOrganization, PingGhesGlobalWebhookPayload } from './results.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

/** Every GitHub Enterprise Server resolver. */
export const ghesResolvers: Resolvers = {
  Query,
  Mutation,
  GhesGlobalWebhook,
  GhesPublicKey,
  GhesPreReceiveEnvironment,
  GhesLdapTeamMapping,
  GhesLdapUserMapping,
  GhesLdapSyncResult,
  GhesOrganization,
  PingGhesGlobalWebhookPayload,
};
