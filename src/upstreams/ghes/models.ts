/**
 * The GitHub Enterprise Server admin objects resolvers receive: camel-cased,
 * decoded, with a `__typename` that resolves the shared interfaces.
 */

/** The values this gateway knows (for decoding leniently). */
export const webhookContentTypes = ['JSON', 'FORM'] as const;
/** One of {@link webhookContentTypes}, `UNKNOWN` for values newer than this gateway. */
export type GhesWebhookContentType = (typeof webhookContentTypes)[number] | 'UNKNOWN';

/** A `GhesGlobalWebhook` as resolvers get it. */
export interface GhesGlobalWebhookModel {
  readonly __typename: 'GhesGlobalWebhook';
  readonly id: number;
  /** `Global` on every admin hook. */
  readonly type: string;
  /** Always `web`. */
  readonly name: string;
  readonly active: boolean;
  readonly events: readonly string[];
  /** Where payloads are delivered (`config.url`). */
  readonly url: string;
  readonly contentType: GhesWebhookContentType;
  readonly rawContentType: string | null;
  /** True when TLS verification is off (`insecure_ssl: "1"`). */
  readonly insecureSsl: boolean;
  /** Whether a secret is set; GHES never shows it (`********`). */
  readonly hasSecret: boolean;
  /** The hook's own API URL. */
  readonly apiUrl: string | null;
  readonly pingUrl: string | null;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}

/** A `GhesPublicKey` as resolvers get it. */
export interface GhesPublicKeyModel {
  readonly __typename: 'GhesPublicKey';
  readonly id: number;
  readonly key: string;
  readonly userId: number | null;
  readonly repositoryId: number | null;
  readonly url: string | null;
  readonly title: string;
  readonly readOnly: boolean;
  readonly verified: boolean;
  readonly createdAt: string | null;
  readonly addedBy: string | null;
  readonly lastUsed: string | null;
}

/** A `GhesLdapTeamMapping` as resolvers get it. */
export interface GhesLdapTeamMappingModel {
  readonly __typename: 'GhesLdapTeamMapping';
  readonly ldapDn: string | null;
  readonly teamId: number;
  readonly nodeId: string | null;
  readonly name: string;
  readonly slug: string;
  readonly description: string | null;
  readonly privacy: string | null;
  readonly notificationSetting: string | null;
  readonly permission: string | null;
  readonly url: string | null;
  readonly htmlUrl: string | null;
  readonly parentTeamId: number | null;
}

/** A `GhesLdapUserMapping` as resolvers get it. */
export interface GhesLdapUserMappingModel {
  readonly __typename: 'GhesLdapUserMapping';
  readonly ldapDn: string | null;
  readonly login: string;
  readonly userId: number;
  readonly nodeId: string | null;
  readonly name: string | null;
  readonly email: string | null;
  readonly company: string | null;
  readonly location: string | null;
  readonly avatarUrl: string | null;
  readonly url: string | null;
  readonly htmlUrl: string | null;
  readonly type: string | null;
  readonly siteAdmin: boolean;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  readonly suspendedAt: string | null;
}

/** The answer to an LDAP sync request. */
export interface GhesLdapSyncModel {
  readonly __typename: 'GhesLdapSyncResult';
  /** `queued` when GHES accepted the sync job. */
  readonly status: string;
}

/** A `GhesOrganization` as resolvers get it. */
export interface GhesOrganizationModel {
  readonly __typename: 'GhesOrganization';
  readonly id: number;
  readonly login: string;
  readonly nodeId: string | null;
  readonly url: string | null;
  readonly reposUrl: string | null;
  readonly avatarUrl: string | null;
  readonly description: string | null;
}

/** The answer to an organization rename. */
export interface GhesOrganizationRenameModel {
  readonly __typename: 'GhesOrganizationRenameResult';
  readonly message: string;
  readonly url: string | null;
}

/** The values this gateway knows (for decoding leniently). */
export const downloadStates = ['NOT_STARTED', 'IN_PROGRESS', 'SUCCESS', 'FAILED'] as const;
/** One of {@link downloadStates}, `UNKNOWN` for values newer than this gateway. */
export type GhesDownloadState = (typeof downloadStates)[number] | 'UNKNOWN';

/** The download state of a pre-receive environment. */
export interface GhesPreReceiveDownloadModel {
  readonly __typename: 'GhesPreReceiveDownload';
  readonly url: string | null;
  readonly state: GhesDownloadState;
  readonly rawState: string;
  readonly downloadedAt: string | null;
  readonly message: string | null;
}

/** A `GhesPreReceiveEnvironment` as resolvers get it. */
export interface GhesPreReceiveEnvironmentModel {
  readonly __typename: 'GhesPreReceiveEnvironment';
  readonly id: number;
  readonly name: string;
  readonly imageUrl: string;
  readonly url: string | null;
  readonly htmlUrl: string | null;
  readonly defaultEnvironment: boolean;
  readonly createdAt: string | null;
  readonly hooksCount: number;
  readonly download: GhesPreReceiveDownloadModel | null;
}
