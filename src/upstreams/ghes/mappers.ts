import { bool, enumName, int, list, obj, str } from '../decode.js';
import {
  downloadStates,
  webhookContentTypes,
  type GhesGlobalWebhookModel,
  type GhesLdapSyncModel,
  type GhesLdapTeamMappingModel,
  type GhesLdapUserMappingModel,
  type GhesOrganizationModel,
  type GhesOrganizationRenameModel,
  type GhesPreReceiveDownloadModel,
  type GhesPreReceiveEnvironmentModel,
  type GhesPublicKeyModel,
} from './models.js';
import type {
  WireGlobalHook,
  WireLdapSync,
  WireLdapTeam,
  WireLdapUser,
  WireOrganization,
  WireOrganizationRename,
  WirePreReceiveDownload,
  WirePreReceiveEnvironment,
  WirePublicKey,
} from './wire.js';

/**
 * Maps a global webhook from any `/admin/hooks` endpoint. An update's answer
 * carries no `config.secret` whatever the hook has (GHES's `global-hook-2`):
 * there `secretSent` says whether it has one, since the update sets the secret
 * it sends and removes it when it sends none.
 */
export function toGlobalWebhook(wire: WireGlobalHook, secretSent?: boolean): GhesGlobalWebhookModel {
  const config = obj(wire.config);
  const contentType = str(config?.['content_type']);
  const secret = str(config?.['secret']);
  return {
    __typename: 'GhesGlobalWebhook',
    id: int(wire.id) ?? 0,
    type: str(wire.type) ?? 'Global',
    name: str(wire.name) ?? 'web',
    active: bool(wire.active) ?? true,
    events: list(wire.events).flatMap((event) => {
      const name = str(event);
      return name === null ? [] : [name];
    }),
    url: str(config?.['url']) ?? '',
    // GHES defaults to form when no content type was set.
    contentType: contentType === null ? 'FORM' : enumName(contentType, webhookContentTypes),
    rawContentType: contentType,
    // Sent as "0"/"1", and by some versions as a number.
    insecureSsl: str(config?.['insecure_ssl']) === '1',
    hasSecret: secret === null ? (secretSent ?? false) : secret !== '',
    apiUrl: str(wire.url),
    pingUrl: str(wire.ping_url),
    createdAt: str(wire.created_at),
    updatedAt: str(wire.updated_at),
  };
}

/** Maps a key from `GET /admin/keys`. */
export function toPublicKey(wire: WirePublicKey): GhesPublicKeyModel {
  return {
    __typename: 'GhesPublicKey',
    id: int(wire.id) ?? 0,
    key: str(wire.key) ?? '',
    userId: int(wire.user_id),
    repositoryId: int(wire.repository_id),
    url: str(wire.url),
    title: str(wire.title) ?? '',
    readOnly: bool(wire.read_only) ?? false,
    verified: bool(wire.verified) ?? false,
    createdAt: str(wire.created_at),
    addedBy: str(wire.added_by),
    lastUsed: str(wire.last_used),
  };
}

/** Maps the team answered by the LDAP team mapping update. */
export function toLdapTeamMapping(wire: WireLdapTeam): GhesLdapTeamMappingModel {
  return {
    __typename: 'GhesLdapTeamMapping',
    ldapDn: str(wire.ldap_dn),
    teamId: int(wire.id) ?? 0,
    nodeId: str(wire.node_id),
    name: str(wire.name) ?? '',
    slug: str(wire.slug) ?? '',
    description: str(wire.description),
    privacy: str(wire.privacy),
    notificationSetting: str(wire.notification_setting),
    permission: str(wire.permission),
    url: str(wire.url),
    htmlUrl: str(wire.html_url),
    parentTeamId: int(obj(wire.parent)?.['id']),
  };
}

/** Maps the user answered by the LDAP user mapping update. */
export function toLdapUserMapping(wire: WireLdapUser): GhesLdapUserMappingModel {
  return {
    __typename: 'GhesLdapUserMapping',
    ldapDn: str(wire.ldap_dn),
    login: str(wire.login) ?? '',
    userId: int(wire.id) ?? 0,
    nodeId: str(wire.node_id),
    name: str(wire.name),
    email: str(wire.email),
    company: str(wire.company),
    location: str(wire.location),
    avatarUrl: str(wire.avatar_url),
    url: str(wire.url),
    htmlUrl: str(wire.html_url),
    type: str(wire.type),
    siteAdmin: bool(wire.site_admin) ?? false,
    createdAt: str(wire.created_at),
    updatedAt: str(wire.updated_at),
    suspendedAt: str(wire.suspended_at),
  };
}

/** Maps `{ status }` from either LDAP sync endpoint. */
export function toLdapSync(wire: WireLdapSync | null): GhesLdapSyncModel {
  // The 201 itself means the job was queued; the body only repeats it.
  return { __typename: 'GhesLdapSyncResult', status: str(obj(wire)?.['status']) ?? 'queued' };
}

/** Maps the organization answered by `POST /admin/organizations`. */
export function toOrganization(wire: WireOrganization): GhesOrganizationModel {
  return {
    __typename: 'GhesOrganization',
    id: int(wire.id) ?? 0,
    login: str(wire.login) ?? '',
    nodeId: str(wire.node_id),
    url: str(wire.url),
    reposUrl: str(wire.repos_url),
    avatarUrl: str(wire.avatar_url),
    description: str(wire.description),
  };
}

/** Maps the 202 answer of an organization rename. */
export function toOrganizationRename(wire: WireOrganizationRename | null): GhesOrganizationRenameModel {
  const body = obj(wire);
  return { __typename: 'GhesOrganizationRenameResult', message: str(body?.['message']) ?? '', url: str(body?.['url']) };
}

/** Maps a download status, embedded in an environment or from `…/downloads/latest`. */
export function toPreReceiveDownload(wire: WirePreReceiveDownload | null | undefined): GhesPreReceiveDownloadModel {
  const body = obj(wire);
  return {
    __typename: 'GhesPreReceiveDownload',
    url: str(body?.['url']),
    state: enumName(body?.['state'], downloadStates),
    rawState: str(body?.['state']) ?? 'unknown',
    downloadedAt: str(body?.['downloaded_at']),
    message: str(body?.['message']),
  };
}

/** Maps a pre-receive environment from any of its endpoints. */
export function toPreReceiveEnvironment(wire: WirePreReceiveEnvironment): GhesPreReceiveEnvironmentModel {
  return {
    __typename: 'GhesPreReceiveEnvironment',
    id: int(wire.id) ?? 0,
    name: str(wire.name) ?? '',
    imageUrl: str(wire.image_url) ?? '',
    url: str(wire.url),
    htmlUrl: str(wire.html_url),
    defaultEnvironment: bool(wire.default_environment) ?? false,
    createdAt: str(wire.created_at),
    hooksCount: int(wire.hooks_count) ?? 0,
    download: obj(wire.download) === null ? null : toPreReceiveDownload(wire.download),
  };
}
