import type DataLoader from 'dataloader';
import type { UpstreamSession } from '../http/UpstreamSession.js';
import type { UpstreamResponse } from '../http/types.js';
import type { Connection, ConnectionArgs, UpstreamPage } from '../../relay/connection.js';
import { GatewayError } from '../../errors/GatewayError.js';
import { ghesApi, type GhesApi } from './api.js';
import { keyLoader } from '../loaderUtils.js';
import { ghesConnection, ghesMaxPerPage, nextPageOf, pageToken, type GhesPageRef } from './paging.js';
import {
  globalWebhookBody,
  organizationBody,
  preReceiveEnvironmentBody,
  type GlobalWebhookSettings,
  type OrganizationInput,
  type PreReceiveEnvironmentInput,
} from './bodies.js';
import {
  toGlobalWebhook,
  toLdapSync,
  toLdapTeamMapping,
  toLdapUserMapping,
  toOrganization,
  toOrganizationRename,
  toPreReceiveDownload,
  toPreReceiveEnvironment,
  toPublicKey,
} from './mappers.js';
import type {
  GhesGlobalWebhookModel,
  GhesLdapSyncModel,
  GhesLdapTeamMappingModel,
  GhesLdapUserMappingModel,
  GhesOrganizationModel,
  GhesOrganizationRenameModel,
  GhesPreReceiveDownloadModel,
  GhesPreReceiveEnvironmentModel,
  GhesPublicKeyModel,
} from './models.js';

/** Sort and direction of the key and environment lists. */
export interface GhesListOrder {
  readonly sort?: string | null | undefined;
  readonly direction?: 'asc' | 'desc' | null | undefined;
}

/** A GHES list page as a connection page: its rows mapped, the next page from the `Link` header as a token. */
function pageOf<W, M>(response: UpstreamResponse<readonly W[]>, ref: GhesPageRef, map: (wire: W) => M): UpstreamPage<M> {
  const next = nextPageOf(response.headers, ref);
  return { items: response.body.map(map), next: next === null ? null : pageToken(next) };
}

/** The paging and order query of a list. */
function listQuery(ref: GhesPageRef, order: GhesListOrder = {}): { per_page: number; page: number; sort: string | undefined; direction: string | undefined } {
  return { per_page: ref.perPage, page: ref.page, sort: order.sort ?? undefined, direction: order.direction ?? undefined };
}

/** How many pages of `/admin/keys` a lookup by id reads at most (GHES has no get-one). */
const keyScanPages = 50;

/**
 * One request's GitHub Enterprise Server admin data access: DataLoaders for
 * hooks, environments and download statuses by id, connections mapped from
 * `page`/`per_page` and the `Link` header, and the writes (their inputs
 * checked by the resolvers first). GHES admin has no projects, so nothing here feeds the
 * cross-service project list.
 */
export class GhesLoaders {
  private readonly api: GhesApi;
  readonly globalWebhook: DataLoader<number, GhesGlobalWebhookModel>;
  readonly preReceiveEnvironment: DataLoader<number, GhesPreReceiveEnvironmentModel>;
  readonly downloadStatus: DataLoader<number, GhesPreReceiveDownloadModel>;
  readonly publicKey: DataLoader<number, GhesPublicKeyModel>;

  constructor(session: UpstreamSession) {
    const api = ghesApi(session);
    this.api = api;
    this.globalWebhook = keyLoader('ghes.globalWebhook', async (id) => toGlobalWebhook((await api.getGlobalWebhook({ path: { hook_id: id } })).body));
    this.preReceiveEnvironment = keyLoader('ghes.preReceiveEnvironment', async (id) => toPreReceiveEnvironment((await api.getPreReceiveEnvironment({ path: { pre_receive_environment_id: id } })).body));
    this.downloadStatus = keyLoader('ghes.downloadStatus', async (id) =>
      toPreReceiveDownload((await api.getDownloadStatusForPreReceiveEnvironment({ path: { pre_receive_environment_id: id } })).body),
    );
    this.publicKey = keyLoader('ghes.publicKey', (id) => this.findPublicKey(id));
  }

  private async readPublicKeys(ref: GhesPageRef, options: GhesListOrder & { readonly since?: string | null | undefined }): Promise<UpstreamPage<GhesPublicKeyModel>> {
    const response = await this.api.listPublicKeys({ query: { ...listQuery(ref, options), since: options.since ?? undefined } });
    return pageOf(response, ref, toPublicKey);
  }

  private async findPublicKey(id: number): Promise<GhesPublicKeyModel> {
    let ref: GhesPageRef | null = { page: 1, perPage: ghesMaxPerPage };
    for (let round = 0; ref !== null && round < keyScanPages; round++) {
      const response = await this.api.listPublicKeys({ query: listQuery(ref) });
      const key = response.body.map(toPublicKey).find((candidate) => candidate.id === id);
      if (key !== undefined) return key;
      ref = nextPageOf(response.headers, ref);
    }
    throw new GatewayError('NOT_FOUND', `GitHub Enterprise Server: public key ${id} not found`, { service: 'ghes' });
  }

  /** Global webhooks, in GHES's order. */
  globalWebhooks(args: ConnectionArgs): Promise<Connection<GhesGlobalWebhookModel>> {
    return ghesConnection(args, async (ref) => {
      const page = pageOf(await this.api.listGlobalWebhooks({ query: listQuery(ref) }), ref, toGlobalWebhook);
      for (const hook of page.items) this.globalWebhook.prime(hook.id, hook);
      return page;
    });
  }

  /** Every user's and deploy key, optionally only those used since a time. */
  publicKeys(args: ConnectionArgs & GhesListOrder & { readonly since?: string | null | undefined }): Promise<Connection<GhesPublicKeyModel>> {
    return ghesConnection(args, async (ref) => {
      const page = await this.readPublicKeys(ref, args);
      for (const key of page.items) this.publicKey.prime(key.id, key);
      return page;
    });
  }

  /** Pre-receive environments. */
  preReceiveEnvironments(args: ConnectionArgs & GhesListOrder): Promise<Connection<GhesPreReceiveEnvironmentModel>> {
    return ghesConnection(args, async (ref) => {
      const page = pageOf(await this.api.listPreReceiveEnvironments({ query: listQuery(ref, args) }), ref, toPreReceiveEnvironment);
      for (const environment of page.items) this.preReceiveEnvironment.prime(environment.id, environment);
      return page;
    });
  }

  async createGlobalWebhook(input: GlobalWebhookSettings): Promise<GhesGlobalWebhookModel> {
    const hook = toGlobalWebhook((await this.api.createGlobalWebhook({ body: globalWebhookBody(input, true) })).body);
    this.globalWebhook.prime(hook.id, hook);
    return hook;
  }

  /** Replaces a hook's settings: omitted ones return to GHES's defaults. */
  async updateGlobalWebhook(id: number, input: GlobalWebhookSettings): Promise<GhesGlobalWebhookModel> {
    const body = globalWebhookBody(input, false);
    const hook = toGlobalWebhook((await this.api.updateGlobalWebhook({ path: { hook_id: id }, body })).body, body.config.secret !== undefined);
    this.globalWebhook.clear(id).prime(id, hook);
    return hook;
  }

  async deleteGlobalWebhook(id: number): Promise<void> {
    await this.api.deleteGlobalWebhook({ path: { hook_id: id } });
    this.globalWebhook.clear(id);
  }

  async pingGlobalWebhook(id: number): Promise<void> {
    await this.api.pingGlobalWebhook({ path: { hook_id: id } });
  }

  async deletePublicKey(id: number): Promise<void> {
    await this.api.deletePublicKey({ path: { key_ids: id } });
    this.publicKey.clear(id);
  }

  async updateLdapTeamMapping(teamId: number, ldapDn: string): Promise<GhesLdapTeamMappingModel> {
    return toLdapTeamMapping((await this.api.updateLdapMappingForTeam({ path: { team_id: teamId }, body: { ldap_dn: ldapDn } })).body);
  }

  async syncLdapTeam(teamId: number): Promise<GhesLdapSyncModel> {
    return toLdapSync((await this.api.syncLdapMappingForTeam({ path: { team_id: teamId } })).body);
  }

  async updateLdapUserMapping(username: string, ldapDn: string): Promise<GhesLdapUserMappingModel> {
    return toLdapUserMapping((await this.api.updateLdapMappingForUser({ path: { username }, body: { ldap_dn: ldapDn } })).body);
  }

  async syncLdapUser(username: string): Promise<GhesLdapSyncModel> {
    return toLdapSync((await this.api.syncLdapMappingForUser({ path: { username } })).body);
  }

  async createOrganization(input: OrganizationInput): Promise<GhesOrganizationModel> {
    return toOrganization((await this.api.createOrg({ body: organizationBody(input) })).body);
  }

  async renameOrganization(org: string, login: string): Promise<GhesOrganizationRenameModel> {
    return toOrganizationRename((await this.api.updateOrgName({ path: { org }, body: { login } })).body);
  }

  async createPreReceiveEnvironment(input: { readonly name: string; readonly imageUrl: string }): Promise<GhesPreReceiveEnvironmentModel> {
    const environment = toPreReceiveEnvironment((await this.api.createPreReceiveEnvironment({ body: preReceiveEnvironmentBody(input) })).body);
    this.preReceiveEnvironment.prime(environment.id, environment);
    return environment;
  }

  async updatePreReceiveEnvironment(id: number, input: PreReceiveEnvironmentInput): Promise<GhesPreReceiveEnvironmentModel> {
    const body = preReceiveEnvironmentBody(input);
    const environment = toPreReceiveEnvironment((await this.api.updatePreReceiveEnvironment({ path: { pre_receive_environment_id: id }, body })).body);
    this.preReceiveEnvironment.clear(id).prime(id, environment);
    return environment;
  }

  async deletePreReceiveEnvironment(id: number): Promise<void> {
    await this.api.deletePreReceiveEnvironment({ path: { pre_receive_environment_id: id } });
    this.preReceiveEnvironment.clear(id);
    this.downloadStatus.clear(id);
  }

  async startPreReceiveEnvironmentDownload(id: number): Promise<GhesPreReceiveDownloadModel> {
    const download = toPreReceiveDownload((await this.api.startPreReceiveEnvironmentDownload({ path: { pre_receive_environment_id: id } })).body);
    this.preReceiveEnvironment.clear(id);
    this.downloadStatus.clear(id).prime(id, download);
    return download;
  }
}
