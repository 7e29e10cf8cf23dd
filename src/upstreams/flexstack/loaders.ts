import type DataLoader from 'dataloader';
import { GatewayError } from '../../errors/GatewayError.js';
import type { UpstreamSession } from '../http/UpstreamSession.js';
import { connectionFromCursorPages } from '../../relay/connectionFromCursorPages.js';
import { connectionFromList, type Connection, type ConnectionArgs, type UpstreamPage } from '../../relay/connection.js';
import { keyLoader } from '../loaderUtils.js';
import { bool, str } from '../decode.js';
import { FlexStackClient, itemsOf, type FlexStackSort, type ListOptions } from './client.js';
import { flexStackMaxLimit } from './ids.js';
import { toIntegration, toMember, toProject } from './mappers.js';
import type { FlexStackIntegrationModel, FlexStackMemberModel, FlexStackProjectModel } from './models.js';
import type { WireList, WireMember, WireNotificationFlags, WireProjectWrite } from './wire.js';

/** The loader key of an object inside a project: `projectId/id`. */
export function childKey(projectId: string, id: string): string {
  return `${projectId}/${id}`;
}

/** Splits a {@link childKey}. */
export function parseChildKey(key: string): { projectId: string; id: string } | null {
  const [projectId, id, ...rest] = key.split('/');
  return projectId && id && rest.length === 0 ? { projectId, id } : null;
}

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
 * One request's FlexStack data access: projects, members and notification
 * integrations by id, connections mapped from FlexStack's cursors
 * (`after` = the previous page's `next_page`), and the writes.
 */
export class FlexStackLoaders {
  readonly client: FlexStackClient;
  readonly project: DataLoader<string, FlexStackProjectModel>;
  /** By {@link childKey}. */
  readonly member: DataLoader<string, FlexStackMemberModel>;
  /** By {@link childKey}. */
  readonly integration: DataLoader<string, FlexStackIntegrationModel>;

  constructor(session: UpstreamSession) {
    const client = new FlexStackClient(session);
    this.client = client;
    this.project = keyLoader(async (id) => toProject(await client.getProject(id)));
    this.member = keyLoader(async (key) => {
      const parsed = parseChildKey(key);
      if (parsed === null) throw new GatewayError('BAD_USER_INPUT', `"${key}" is not a projectId/memberId key`);
      return toMember(await client.getMember(parsed.projectId, parsed.id), parsed.projectId);
    });
    this.integration = keyLoader(async (key) => {
      const parsed = parseChildKey(key);
      if (parsed === null) throw new GatewayError('BAD_USER_INPUT', `"${key}" is not a projectId/integrationId key`);
      return toIntegration(await client.getIntegration(parsed.projectId, parsed.id), parsed.projectId);
    });
  }

  private async readProjects(options: ListOptions, orgId: string | null | undefined): Promise<UpstreamPage<FlexStackProjectModel>> {
    const body = orgId == null ? await this.client.listProjects(options) : await this.client.listProjectsByOrg(orgId, options);
    const page = pageOf(body, toProject);
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
        const page = pageOf(await this.client.listMembers(projectId, { limit: limitFor(size), after, role }), (wire: WireMember) => toMember(wire, projectId));
        for (const member of page.items) this.member.prime(childKey(projectId, member.id), member);
        return page;
      },
      { max: flexStackMaxLimit },
    );
  }

  /** A project's notification integrations (FlexStack returns them all at once). */
  async integrations(projectId: string, args: ConnectionArgs): Promise<Connection<FlexStackIntegrationModel>> {
    const items = (await this.client.listIntegrations(projectId)).map((wire) => toIntegration(wire, projectId));
    for (const integration of items) this.integration.prime(childKey(projectId, integration.id), integration);
    return connectionFromList(args, items);
  }

  /** Creates a project. */
  async createProject(body: WireProjectWrite): Promise<FlexStackProjectModel> {
    const project = toProject(await this.client.createProject(body));
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
    const project = toProject(await this.client.updateProject(id, body));
    this.project.clear(id).prime(id, project);
    return project;
  }

  async deleteProject(id: string): Promise<void> {
    await this.client.deleteProject(id);
    this.project.clear(id);
  }

  /** Disconnects a project from its cloud account and reads it back. */
  async disconnectProject(id: string): Promise<FlexStackProjectModel> {
    await this.client.disconnectProject(id);
    this.project.clear(id);
    return this.project.load(id);
  }

  /** Adds organization members to a project; answers the members added. */
  async addMembers(projectId: string, memberIds: readonly string[]): Promise<FlexStackMemberModel[]> {
    const body = await this.client.addMembers(projectId, memberIds);
    const wires = Array.isArray(body) || Array.isArray((body as WireList<WireMember> | null)?.data) ? itemsOf<WireMember>(body) : [body as WireMember];
    const members = wires.map((wire) => toMember(wire, projectId));
    for (const member of members) this.member.clear(childKey(projectId, member.id)).prime(childKey(projectId, member.id), member);
    return members;
  }

  async updateMember(projectId: string, memberId: string, role: string): Promise<FlexStackMemberModel> {
    const member = toMember(await this.client.updateMember(projectId, memberId, role), projectId);
    this.member.clear(childKey(projectId, memberId)).prime(childKey(projectId, memberId), member);
    return member;
  }

  async removeMember(projectId: string, memberId: string): Promise<void> {
    await this.client.removeMember(projectId, memberId);
    this.member.clear(childKey(projectId, memberId));
  }

  async createIntegration(
    projectId: string,
    body: { type: string; config: unknown; notifications?: WireNotificationFlags | undefined },
  ): Promise<FlexStackIntegrationModel> {
    const integration = toIntegration(await this.client.createIntegration(projectId, body), projectId);
    this.integration.prime(childKey(projectId, integration.id), integration);
    return integration;
  }

  async updateIntegration(projectId: string, integrationId: string, notifications: WireNotificationFlags): Promise<FlexStackIntegrationModel> {
    const integration = toIntegration(await this.client.updateIntegration(projectId, integrationId, notifications), projectId);
    this.integration.clear(childKey(projectId, integrationId)).prime(childKey(projectId, integrationId), integration);
    return integration;
  }

  async deleteIntegration(projectId: string, integrationId: string): Promise<void> {
    await this.client.deleteIntegration(projectId, integrationId);
    this.integration.clear(childKey(projectId, integrationId));
  }
}
