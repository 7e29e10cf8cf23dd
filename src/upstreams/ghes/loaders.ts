import type DataLoader from 'dataloader';
import type { UpstreamSession } from '../http/UpstreamSession.js';
import type { Connection, ConnectionArgs } from '../../relay/connection.js';
import { GatewayError } from '../../errors/GatewayError.js';
import { keyLoader } from '../loaderUtils.js';
import { GhesClient, upstreamPageOf, type GhesListOrder } from './client.js';
import { ghesConnection, ghesMaxPerPage, type GhesPageRef } from './paging.js';
import {
  globalWebhookBody,
  ldapDnOf,
  organizationBody,
  orgLoginOf,
  preReceiveEnvironmentBody,
  preReceiveEnvironmentPatch,
  teamIdOf,
  usernameOf,
  type GlobalWebhookSettings,
} from './inputs.js';
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

/** How many pages of `/admin/keys` a lookup by id reads at most (GHES has no get-one). */
const keyScanPages = 50;

/**
 * One request's GitHub Enterprise Server admin data access: DataLoaders for
 * hooks, environments and download statuses by id, connections mapped from
 * `page`/`per_page` and the `Link` header, and the writes (validated before
 * any call). GHES admin has no projects, so nothing here feeds the
 * cross-service project list.
 */
export class GhesLoaders {
  readonly client: GhesClient;
  readonly globalWebhook: DataLoader<number, GhesGlobalWebhookModel>;
  readonly preReceiveEnvironment: DataLoader<number, GhesPreReceiveEnvironmentModel>;
  readonly downloadStatus: DataLoader<number, GhesPreReceiveDownloadModel>;
  readonly publicKey: DataLoader<number, GhesPublicKeyModel>;

  constructor(session: UpstreamSession) {
    const client = new GhesClient(session);
    this.client = client;
    this.globalWebhook = keyLoader(async (id) => toGlobalWebhook(await client.getGlobalWebhook(id)));
    this.preReceiveEnvironment = keyLoader(async (id) => toPreReceiveEnvironment(await client.getPreReceiveEnvironment(id)));
    this.downloadStatus = keyLoader(async (id) => toPreReceiveDownload(await client.getDownloadStatusForPreReceiveEnvironment(id)));
    this.publicKey = keyLoader((id) => this.findPublicKey(id));
  }

  private async findPublicKey(id: number): Promise<GhesPublicKeyModel> {
    let ref: GhesPageRef | null = { page: 1, perPage: ghesMaxPerPage };
    for (let round = 0; ref !== null && round < keyScanPages; round++) {
      const page = await this.client.listPublicKeys(ref, {});
      for (const wire of page.items) {
        const key = toPublicKey(wire);
        if (key.id === id) return key;
      }
      ref = page.next;
    }
    throw new GatewayError('NOT_FOUND', `GitHub Enterprise Server: public key ${id} not found`, { service: 'ghes' });
  }

  /** Global webhooks, in GHES's order. */
  globalWebhooks(args: ConnectionArgs): Promise<Connection<GhesGlobalWebhookModel>> {
    return ghesConnection(args, async (ref) => {
      const page = upstreamPageOf(await this.client.listGlobalWebhooks(ref), toGlobalWebhook);
      for (const hook of page.items) this.globalWebhook.prime(hook.id, hook);
      return page;
    });
  }

  /** Every user's and deploy key, optionally only those used since a time. */
  publicKeys(args: ConnectionArgs & GhesListOrder & { readonly since?: string | null | undefined }): Promise<Connection<GhesPublicKeyModel>> {
    return ghesConnection(args, async (ref) => {
      const page = upstreamPageOf(await this.client.listPublicKeys(ref, args), toPublicKey);
      for (const key of page.items) this.publicKey.prime(key.id, key);
      return page;
    });
  }

  /** Pre-receive environments. */
  preReceiveEnvironments(args: ConnectionArgs & GhesListOrder): Promise<Connection<GhesPreReceiveEnvironmentModel>> {
    return ghesConnection(args, async (ref) => {
      const page = upstreamPageOf(await this.client.listPreReceiveEnvironments(ref, args), toPreReceiveEnvironment);
      for (const environment of page.items) this.preReceiveEnvironment.prime(environment.id, environment);
      return page;
    });
  }

  async createGlobalWebhook(input: GlobalWebhookSettings): Promise<GhesGlobalWebhookModel> {
    const hook = toGlobalWebhook(await this.client.createGlobalWebhook(globalWebhookBody(input, true)));
    this.globalWebhook.prime(hook.id, hook);
    return hook;
  }

  /** Replaces a hook's settings: omitted ones return to GHES's defaults. */
  async updateGlobalWebhook(id: number, input: GlobalWebhookSettings): Promise<GhesGlobalWebhookModel> {
    const hook = toGlobalWebhook(await this.client.updateGlobalWebhook(id, globalWebhookBody(input, false)));
    this.globalWebhook.clear(id).prime(id, hook);
    return hook;
  }

  async deleteGlobalWebhook(id: number): Promise<void> {
    await this.client.deleteGlobalWebhook(id);
    this.globalWebhook.clear(id);
  }

  async pingGlobalWebhook(id: number): Promise<void> {
    await this.client.pingGlobalWebhook(id);
  }

  async deletePublicKey(id: number): Promise<void> {
    await this.client.deletePublicKey(String(id));
    this.publicKey.clear(id);
  }

  async updateLdapTeamMapping(teamId: number, ldapDn: string): Promise<GhesLdapTeamMappingModel> {
    const id = teamIdOf(teamId);
    return toLdapTeamMapping(await this.client.updateLdapMappingForTeam(id, ldapDnOf(ldapDn)));
  }

  async syncLdapTeam(teamId: number): Promise<GhesLdapSyncModel> {
    return toLdapSync(await this.client.syncLdapMappingForTeam(teamIdOf(teamId)));
  }

  async updateLdapUserMapping(username: string, ldapDn: string): Promise<GhesLdapUserMappingModel> {
    const login = usernameOf(username);
    return toLdapUserMapping(await this.client.updateLdapMappingForUser(login, ldapDnOf(ldapDn)));
  }

  async syncLdapUser(username: string): Promise<GhesLdapSyncModel> {
    return toLdapSync(await this.client.syncLdapMappingForUser(usernameOf(username)));
  }

  async createOrganization(input: Parameters<typeof organizationBody>[0]): Promise<GhesOrganizationModel> {
    return toOrganization(await this.client.createOrganization(organizationBody(input)));
  }

  async renameOrganization(org: string, login: string): Promise<GhesOrganizationRenameModel> {
    const current = orgLoginOf(org, 'org');
    return toOrganizationRename(await this.client.renameOrganization(current, orgLoginOf(login)));
  }

  async createPreReceiveEnvironment(input: { readonly name: string; readonly imageUrl: string }): Promise<GhesPreReceiveEnvironmentModel> {
    const environment = toPreReceiveEnvironment(await this.client.createPreReceiveEnvironment(preReceiveEnvironmentBody(input)));
    this.preReceiveEnvironment.prime(environment.id, environment);
    return environment;
  }

  async updatePreReceiveEnvironment(id: number, input: Parameters<typeof preReceiveEnvironmentPatch>[0]): Promise<GhesPreReceiveEnvironmentModel> {
    const environment = toPreReceiveEnvironment(await this.client.updatePreReceiveEnvironment(id, preReceiveEnvironmentPatch(input)));
    this.preReceiveEnvironment.clear(id).prime(id, environment);
    return environment;
  }

  async deletePreReceiveEnvironment(id: number): Promise<void> {
    await this.client.deletePreReceiveEnvironment(id);
    this.preReceiveEnvironment.clear(id);
    this.downloadStatus.clear(id);
  }

  async startPreReceiveEnvironmentDownload(id: number): Promise<GhesPreReceiveDownloadModel> {
    const download = toPreReceiveDownload(await this.client.startPreReceiveEnvironmentDownload(id));
    this.preReceiveEnvironment.clear(id);
    this.downloadStatus.clear(id).prime(id, download);
    return download;
  }
}
