import type { UpstreamSession } from '../http/UpstreamSession.js';
import type { UpstreamPage } from '../../relay/connection.js';
import { nextPageOf, pageToken, type GhesPageRef } from './paging.js';
import type {
  WireGlobalHook,
  WireGlobalHookBody,
  WireLdapSync,
  WireLdapTeam,
  WireLdapUser,
  WireOrganization,
  WireOrganizationRename,
  WirePreReceiveDownload,
  WirePreReceiveEnvironment,
  WirePublicKey,
} from './wire.js';

const seg = encodeURIComponent;

/** One page of a GHES list: the rows and the next page from the `Link` header. */
export interface GhesListPage<T> {
  readonly items: readonly T[];
  readonly next: GhesPageRef | null;
}

/** A GHES list page as a connection page, with the next page as a token. */
export function upstreamPageOf<W, M>(page: GhesListPage<W>, map: (wire: W) => M): UpstreamPage<M> {
  return { items: page.items.map(map), next: page.next === null ? null : pageToken(page.next) };
}

/** Sort and direction of the key and environment lists. */
export interface GhesListOrder {
  readonly sort?: string | null | undefined;
  readonly direction?: 'asc' | 'desc' | null | undefined;
}

/**
 * The GitHub Enterprise Server admin REST API (`/api/v3`), one method per
 * operation, in the service's own terms. Bound to one request's credential
 * through its session.
 */
export class GhesClient {
  constructor(private readonly session: UpstreamSession) {}

  private async list<T>(path: string, route: string, ref: GhesPageRef, query: Readonly<Record<string, string | null | undefined>> = {}): Promise<GhesListPage<T>> {
    const response = await this.session.get<T[] | null>(path, { ...query, per_page: ref.perPage, page: ref.page }, route);
    return { items: Array.isArray(response.body) ? response.body : [], next: nextPageOf(response.headers, ref) };
  }

  listGlobalWebhooks(ref: GhesPageRef): Promise<GhesListPage<WireGlobalHook>> {
    return this.list('/admin/hooks', '/admin/hooks', ref);
  }

  async createGlobalWebhook(body: WireGlobalHookBody): Promise<WireGlobalHook> {
    return (await this.session.send<WireGlobalHook>({ method: 'POST', path: '/admin/hooks', body, route: '/admin/hooks' })).body;
  }

  async getGlobalWebhook(hookId: number): Promise<WireGlobalHook> {
    return (await this.session.get<WireGlobalHook>(`/admin/hooks/${hookId}`, undefined, '/admin/hooks/{hook_id}')).body;
  }

  /** PATCH: GHES resets every omitted field to its default (or removes it). */
  async updateGlobalWebhook(hookId: number, body: WireGlobalHookBody): Promise<WireGlobalHook> {
    return (await this.session.send<WireGlobalHook>({ method: 'PATCH', path: `/admin/hooks/${hookId}`, body, route: '/admin/hooks/{hook_id}' })).body;
  }

  async deleteGlobalWebhook(hookId: number): Promise<void> {
    await this.session.send({ method: 'DELETE', path: `/admin/hooks/${hookId}`, route: '/admin/hooks/{hook_id}' });
  }

  async pingGlobalWebhook(hookId: number): Promise<void> {
    await this.session.send({ method: 'POST', path: `/admin/hooks/${hookId}/pings`, route: '/admin/hooks/{hook_id}/pings' });
  }

  listPublicKeys(ref: GhesPageRef, options: GhesListOrder & { readonly since?: string | null | undefined }): Promise<GhesListPage<WirePublicKey>> {
    return this.list('/admin/keys', '/admin/keys', ref, { since: options.since, sort: options.sort, direction: options.direction });
  }

  async deletePublicKey(keyIds: string): Promise<void> {
    await this.session.send({ method: 'DELETE', path: `/admin/keys/${seg(keyIds)}`, route: '/admin/keys/{key_ids}' });
  }

  async updateLdapMappingForTeam(teamId: number, ldapDn: string): Promise<WireLdapTeam> {
    return (
      await this.session.send<WireLdapTeam>({
        method: 'PATCH',
        path: `/admin/ldap/teams/${teamId}/mapping`,
        body: { ldap_dn: ldapDn },
        route: '/admin/ldap/teams/{team_id}/mapping',
      })
    ).body;
  }

  async syncLdapMappingForTeam(teamId: number): Promise<WireLdapSync> {
    return (await this.session.send<WireLdapSync>({ method: 'POST', path: `/admin/ldap/teams/${teamId}/sync`, route: '/admin/ldap/teams/{team_id}/sync' })).body;
  }

  async updateLdapMappingForUser(username: string, ldapDn: string): Promise<WireLdapUser> {
    return (
      await this.session.send<WireLdapUser>({
        method: 'PATCH',
        path: `/admin/ldap/users/${seg(username)}/mapping`,
        body: { ldap_dn: ldapDn },
        route: '/admin/ldap/users/{username}/mapping',
      })
    ).body;
  }

  async syncLdapMappingForUser(username: string): Promise<WireLdapSync> {
    return (
      await this.session.send<WireLdapSync>({ method: 'POST', path: `/admin/ldap/users/${seg(username)}/sync`, route: '/admin/ldap/users/{username}/sync' })
    ).body;
  }

  async createOrganization(body: { readonly login: string; readonly admin: string; readonly profile_name?: string }): Promise<WireOrganization> {
    return (await this.session.send<WireOrganization>({ method: 'POST', path: '/admin/organizations', body, route: '/admin/organizations' })).body;
  }

  async renameOrganization(org: string, login: string): Promise<WireOrganizationRename> {
    return (
      await this.session.send<WireOrganizationRename>({
        method: 'PATCH',
        path: `/admin/organizations/${seg(org)}`,
        body: { login },
        route: '/admin/organizations/{org}',
      })
    ).body;
  }

  listPreReceiveEnvironments(ref: GhesPageRef, options: GhesListOrder): Promise<GhesListPage<WirePreReceiveEnvironment>> {
    return this.list('/admin/pre-receive-environments', '/admin/pre-receive-environments', ref, { sort: options.sort, direction: options.direction });
  }

  async createPreReceiveEnvironment(body: { readonly name: string; readonly image_url: string }): Promise<WirePreReceiveEnvironment> {
    return (
      await this.session.send<WirePreReceiveEnvironment>({
        method: 'POST',
        path: '/admin/pre-receive-environments',
        body,
        route: '/admin/pre-receive-environments',
      })
    ).body;
  }

  async getPreReceiveEnvironment(id: number): Promise<WirePreReceiveEnvironment> {
    return (
      await this.session.get<WirePreReceiveEnvironment>(
        `/admin/pre-receive-environments/${id}`,
        undefined,
        '/admin/pre-receive-environments/{pre_receive_environment_id}',
      )
    ).body;
  }

  async updatePreReceiveEnvironment(id: number, body: { readonly name?: string; readonly image_url?: string }): Promise<WirePreReceiveEnvironment> {
    return (
      await this.session.send<WirePreReceiveEnvironment>({
        method: 'PATCH',
        path: `/admin/pre-receive-environments/${id}`,
        body,
        route: '/admin/pre-receive-environments/{pre_receive_environment_id}',
      })
    ).body;
  }

  async deletePreReceiveEnvironment(id: number): Promise<void> {
    await this.session.send({
      method: 'DELETE',
      path: `/admin/pre-receive-environments/${id}`,
      route: '/admin/pre-receive-environments/{pre_receive_environment_id}',
    });
  }

  async startPreReceiveEnvironmentDownload(id: number): Promise<WirePreReceiveDownload> {
    return (
      await this.session.send<WirePreReceiveDownload>({
        method: 'POST',
        path: `/admin/pre-receive-environments/${id}/downloads`,
        route: '/admin/pre-receive-environments/{pre_receive_environment_id}/downloads',
      })
    ).body;
  }

  async getDownloadStatusForPreReceiveEnvironment(id: number): Promise<WirePreReceiveDownload> {
    return (
      await this.session.get<WirePreReceiveDownload>(
        `/admin/pre-receive-environments/${id}/downloads/latest`,
        undefined,
        '/admin/pre-receive-environments/{pre_receive_environment_id}/downloads/latest',
      )
    ).body;
  }
}
