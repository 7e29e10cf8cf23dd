import type DataLoader from 'dataloader';
import type { UpstreamSession } from '../http/UpstreamSession.js';
import { connectionFromCursorPages } from '../../relay/connectionFromCursorPages.js';
import { connectionFromList, type Connection, type ConnectionArgs, type UpstreamPage } from '../../relay/connection.js';
import { keyLoader } from '../loaderUtils.js';
import { bool, str } from '../decode.js';
import { flexStackApi, type FlexStackApi } from './api.js';
import { flexStackMaxLimit } from './ids.js';
import { toDeployment, toIntegration, toMember, toProject } from './mappers.js';
import type { FlexStackDeploymentModel, FlexStackIntegrationModel, FlexStackMemberModel, FlexStackProjectModel, FlexStackWebhookIntegrationModel } from './models.js';
import type { WireDeployment, WireIntegration, WireList, WireMember, WireNotificationFlags, WireProjectWrite } from './wire.js';

/** The add-members body's field (the reference names it only "the member ID to look up"). */
export const addMembersField = 'member_ids';

/** FlexStack's list sort values. */
export type FlexStackSort = 'created_at' | '-created_at' | '+created_at';

/** The paging query of a FlexStack list. */
interface ListOptions {
  readonly limit: number;
  /** The `next_page` cursor of the previous page, sent as is (URL-encoded with the query). */
  readonly after?: string | null | undefined;
  readonly sort?: FlexStackSort | null | undefined;
}

function listQuery(options: ListOptions): { limit: number; after: string | undefined; sort: FlexStackSort | undefined } {
  return { limit: options.limit, after: options.after ?? undefined, sort: options.sort ?? undefined };
}

/** A list body: `{ data }` pages, or a bare array from the endpoints that do not page. */
function itemsOf<T>(body: unknown): readonly T[] {
  if (Array.isArray(body)) return body as T[];
  const data = (body as WireList<T> | null)?.data;
  return Array.isArray(data) ? data : [];
}

/** The key of an object inside a project, `projectId/id`: its global id's key and its loader's cache key. */
export function childKey(projectId: string, id: string): string {
  return `${projectId}/${id}`;
}

/** A member or integration of a project: the project's id and its own. */
export interface FlexStackChildKey {
  readonly projectId: string;
  readonly id: string;
}

/** The loader cache key of a {@link FlexStackChildKey}. */
const childCacheKey = (key: FlexStackChildKey): string => childKey(key.projectId, key.id);

/** Reads `{ data, has_more, next_page }` into a page. */
export function pageOf<W, M>(body: WireList<W> | null, map: (wire: W) => M): UpstreamPage<M> {
  const next = str(body?.next_page);
  const more = bool(body?.has_more) ?? false;
  return { items: itemsOf<W>(body).map(map), next: more && next !== null && next !== '' ? next : null };
}

function limitFor(size: number): number {
  return Math.min(Math.max(size, 1), flexStackMaxLimit);
}

/** The project fields a caller may change. */
export interface FlexStackProjectChange {
  readonly name?: string | undefined;
  readonly description?: string | null | undefined;
  readonly icon?: string | null | undefined;
  readonly defaultEnvironmentId?: string | null | undefined;
}

/**
 * One request's FlexStack data access: projects, members, notification
 * integrations and deployments by id, connections mapped from FlexStack's
 * cursors (`after` = the previous page's `next_page`), and the writes.
 */
export class FlexStackLoaders {
  private readonly api: FlexStackApi;
  readonly project: DataLoader<string, FlexStackProjectModel>;
  readonly member: DataLoader<FlexStackChildKey, FlexStackMemberModel, string>;
  readonly integration: DataLoader<FlexStackChildKey, FlexStackIntegrationModel, string>;
  /** By FlexStack's deployment id. */
  readonly deployment: DataLoader<string, FlexStackDeploymentModel>;

  constructor(session: UpstreamSession) {
    const api = flexStackApi(session);
    this.api = api;
    this.project = keyLoader('flexstack.project', async (id) => toProject((await api.getProject({ path: { id } })).body));
    this.member = keyLoader('flexstack.member', async ({ projectId, id }) => toMember((await api.getMember({ path: { id: projectId, member_id: id } })).body, projectId), childCacheKey);
    this.integration = keyLoader('flexstack.integration', async ({ projectId, id }) => toIntegration((await api.getIntegration({ path: { id: projectId, integration_id: id } })).body, projectId),
      childCacheKey,
    );
    this.deployment = keyLoader('flexstack.deployment', async (id) => toDeployment((await api.getDeployment({ path: { id } })).body));
  }

  private async readProjects(options: ListOptions, orgId: string | null | undefined): Promise<UpstreamPage<FlexStackProjectModel>> {
    const query = listQuery(options);
    const response = orgId == null ? await this.api.listProjects({ query }) : await this.api.listOrgProjects({ path: { org_id: orgId }, query });
    const page = pageOf(response.body, toProject);
    for (const project of page.items) this.project.prime(project.id, project);
    return page;
  }

  /** Projects of the key's organization, or of `orgId`. */
  projects(args: ConnectionArgs, options: { orgId?: string | null | undefined; sort?: FlexStackSort | null | undefined }): Promise<Connection<FlexStackProjectModel>> {
    return connectionFromCursorPages(args, (after, size) => this.readProjects({ limit: limitFor(size), after, sort: options.sort }, options.orgId), {
      max: flexStackMaxLimit,
    });
  }

  /** One native page of the key's projects, oldest first (`sort=+created_at`). */
  projectsPage(token: string | null, size: number, _filter: { name?: string | undefined }): Promise<UpstreamPage<FlexStackProjectModel>> {
    // FlexStack's list takes no name filter; the caller filters the page it gets.
    return this.readProjects({ limit: limitFor(size), after: token, sort: '+created_at' }, null);
  }

  /** A project's members, optionally of one role. */
  members(projectId: string, args: ConnectionArgs, role?: string | null | undefined): Promise<Connection<FlexStackMemberModel>> {
    return connectionFromCursorPages(
      args,
      async (after, size) => {
        const query = { ...listQuery({ limit: limitFor(size), after }), role: role ?? undefined };
        const page = pageOf((await this.api.listMembers({ path: { id: projectId }, query })).body, (wire: WireMember) => toMember(wire, projectId));
        for (const member of page.items) this.member.prime({ projectId, id: member.id }, member);
        return page;
      },
      { max: flexStackMaxLimit },
    );
  }

  /** Every notification integration of a project: FlexStack returns them all at once. */
  private async readIntegrations(projectId: string): Promise<FlexStackIntegrationModel[]> {
    const body = (await this.api.listIntegrations({ path: { id: projectId } })).body;
    const items = itemsOf<WireIntegration>(body).map((wire) => toIntegration(wire, projectId));
    for (const integration of items) this.integration.prime({ projectId, id: integration.id }, integration);
    return items;
  }

  /** A project's notification integrations. */
  async integrations(projectId: string, args: ConnectionArgs): Promise<Connection<FlexStackIntegrationModel>> {
    return connectionFromList(args, await this.readIntegrations(projectId));
  }

  /** A project's webhook integrations: its integrations (read whole, once) without the Slack ones. */
  async webhookIntegrations(projectId: string, args: ConnectionArgs): Promise<Connection<FlexStackWebhookIntegrationModel>> {
    const all = await this.readIntegrations(projectId);
    return connectionFromList(
      args,
      all.filter((integration): integration is FlexStackWebhookIntegrationModel => integration.__typename === 'FlexStackWebhookIntegration'),
    );
  }

  private async readDeployments(projectId: string, limit: number, after: string | null): Promise<UpstreamPage<FlexStackDeploymentModel>> {
    const query = listQuery({ limit, after, sort: '-created_at' });
    const page = pageOf((await this.api.listDeployments({ path: { id: projectId }, query })).body, (wire: WireDeployment) => toDeployment(wire, projectId));
    for (const deployment of page.items) this.deployment.prime(deployment.id, deployment);
    return page;
  }

  /** A project's deployments, newest first. */
  deployments(projectId: string, args: ConnectionArgs): Promise<Connection<FlexStackDeploymentModel>> {
    return connectionFromCursorPages(args, (after, size) => this.readDeployments(projectId, limitFor(size), after), { max: flexStackMaxLimit });
  }

  /** A project's newest deployment (one row of the list), or null when it has none. */
  async latestDeployment(projectId: string): Promise<FlexStackDeploymentModel | null> {
    return (await this.readDeployments(projectId, 1, null)).items[0] ?? null;
  }

  /** Creates a project. */
  async createProject(body: WireProjectWrite): Promise<FlexStackProjectModel> {
    const project = toProject((await this.api.createProject({ body })).body);
    this.project.prime(project.id, project);
    return project;
  }

  /**
   * Changes a project. FlexStack's PUT replaces the whole project, so the
   * current one is read first and the fields not given are sent unchanged.
   */
  async updateProject(id: string, change: FlexStackProjectChange): Promise<FlexStackProjectModel> {
    this.project.clear(id);
    const current = await this.project.load(id);
    const pick = <T>(given: T | undefined, now: T): T => (given === undefined ? now : given);
    const body: WireProjectWrite = {
      name: pick(change.name, current.name),
      description: pick(change.description, current.description),
      icon: pick(change.icon, current.icon),
      default_environment_id: pick(change.defaultEnvironmentId, current.defaultEnvironmentId),
    };
    const project = toProject((await this.api.updateProject({ path: { id }, body })).body);
    this.project.clear(id).prime(id, project);
    return project;
  }

  async deleteProject(id: string): Promise<void> {
    await this.api.deleteProject({ path: { id } });
    this.project.clear(id);
  }

  /** Disconnects a project from its cloud account and reads it back. */
  async disconnectProject(id: string): Promise<FlexStackProjectModel> {
    await this.api.disconnectProject({ path: { id } });
    this.project.clear(id);
    return this.project.load(id);
  }

  /** Adds organization members to a project; answers the members added. */
  async addMembers(projectId: string, memberIds: readonly string[]): Promise<FlexStackMemberModel[]> {
    const { body } = await this.api.addMembers({ path: { id: projectId }, body: { [addMembersField]: memberIds } });
    const wires = Array.isArray(body) || Array.isArray((body as WireList<WireMember> | null)?.data) ? itemsOf<WireMember>(body) : [body as WireMember];
    const members = wires.map((wire) => toMember(wire, projectId));
    for (const member of members) this.member.clear({ projectId, id: member.id }).prime({ projectId, id: member.id }, member);
    return members;
  }

  async updateMember(projectId: string, memberId: string, role: string): Promise<FlexStackMemberModel> {
    const member = toMember((await this.api.updateMember({ path: { id: projectId, member_id: memberId }, body: { role } })).body, projectId);
    this.member.clear({ projectId, id: memberId }).prime({ projectId, id: memberId }, member);
    return member;
  }

  async removeMember(projectId: string, memberId: string): Promise<void> {
    await this.api.removeMember({ path: { id: projectId, member_id: memberId } });
    this.member.clear({ projectId, id: memberId });
  }

  async createIntegration(
    projectId: string,
    body: { type: string; config: unknown; notifications?: WireNotificationFlags | undefined },
  ): Promise<FlexStackIntegrationModel> {
    const integration = toIntegration((await this.api.createIntegration({ path: { id: projectId }, body })).body, projectId);
    this.integration.prime({ projectId, id: integration.id }, integration);
    return integration;
  }

  async updateIntegration(projectId: string, integrationId: string, notifications: WireNotificationFlags): Promise<FlexStackIntegrationModel> {
    const integration = toIntegration((await this.api.updateIntegration({ path: { id: projectId, integration_id: integrationId }, body: { notifications } })).body, projectId);
    this.integration.clear({ projectId, id: integrationId }).prime({ projectId, id: integrationId }, integration);
    return integration;
  }

  async deleteIntegration(projectId: string, integrationId: string): Promise<void> {
    await this.api.deleteIntegration({ path: { id: projectId, integration_id: integrationId } });
    this.integration.clear({ projectId, id: integrationId });
  }
}
