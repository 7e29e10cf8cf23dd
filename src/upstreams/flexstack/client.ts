import type { UpstreamSession } from '../http/UpstreamSession.js';
import type { WireIntegration, WireList, WireMember, WireNotificationFlags, WireProject, WireProjectWrite } from './wire.js';

const seg = encodeURIComponent;

/**
 * Every FlexStack path, in one place: the API reference does not print its
 * paths, so these are a reasoned guess to correct here if the service differs.
 * Each entry gives the path (parameters encoded) and its template for logs.
 */
export const flexStackPaths = {
  projects: () => ['/projects', '/projects'],
  orgProjects: (orgId: string) => [`/orgs/${seg(orgId)}/projects`, '/orgs/{org_id}/projects'],
  project: (id: string) => [`/projects/${seg(id)}`, '/projects/{id}'],
  disconnect: (id: string) => [`/projects/${seg(id)}/disconnect`, '/projects/{id}/disconnect'],
  members: (id: string) => [`/projects/${seg(id)}/members`, '/projects/{id}/members'],
  member: (id: string, memberId: string) => [`/projects/${seg(id)}/members/${seg(memberId)}`, '/projects/{id}/members/{member_id}'],
  integrations: (id: string) => [`/projects/${seg(id)}/integrations/notifications`, '/projects/{id}/integrations/notifications'],
  integration: (id: string, integrationId: string) => [
    `/projects/${seg(id)}/integrations/notifications/${seg(integrationId)}`,
    '/projects/{id}/integrations/notifications/{integration_id}',
  ],
} as const satisfies Record<string, (...ids: string[]) => readonly [string, string]>;

/** The add-members body's field (the reference names it only "the member ID to look up"). */
export const addMembersField = 'member_ids';

/** FlexStack's list sort values. */
export type FlexStackSort = 'created_at' | '-created_at' | '+created_at';

/** The paging query of a FlexStack list. */
export interface ListOptions {
  readonly limit: number;
  /** The `next_page` cursor of the previous page, sent as is (URL-encoded by the client). */
  readonly after?: string | null | undefined;
  readonly sort?: FlexStackSort | null | undefined;
}

function listQuery(options: ListOptions): Record<string, string | number | undefined> {
  return { limit: options.limit, after: options.after ?? undefined, sort: options.sort ?? undefined };
}

/** A list body: `{ data }` pages, or a bare array from the endpoints that do not page. */
export function itemsOf<T>(body: unknown): readonly T[] {
  if (Array.isArray(body)) return body as T[];
  const data = (body as WireList<T> | null)?.data;
  return Array.isArray(data) ? data : [];
}

/**
 * FlexStack's projects API (`/v1` base), one method per operation, in its own
 * terms. Bound to one request's API key through its session.
 */
export class FlexStackClient {
  constructor(private readonly session: UpstreamSession) {}

  private async read<T>([path, route]: readonly [string, string], query?: Record<string, string | number | undefined>): Promise<T> {
    return (await this.session.get<T>(path, query, route)).body;
  }

  private async write<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', [path, route]: readonly [string, string], body?: unknown): Promise<T> {
    return (await this.session.send<T>({ method, path, route, ...(body === undefined ? {} : { body }) })).body;
  }

  /** `GET /projects`: the projects of the key's organization. */
  listProjects(options: ListOptions): Promise<WireList<WireProject>> {
    return this.read(flexStackPaths.projects(), listQuery(options));
  }

  /** `GET /orgs/{org_id}/projects`. */
  listProjectsByOrg(orgId: string, options: ListOptions): Promise<WireList<WireProject>> {
    return this.read(flexStackPaths.orgProjects(orgId), listQuery(options));
  }

  /** `POST /projects` (201). */
  createProject(body: WireProjectWrite): Promise<WireProject> {
    return this.write('POST', flexStackPaths.projects(), body);
  }

  /** `GET /projects/{id}`. */
  getProject(id: string): Promise<WireProject> {
    return this.read(flexStackPaths.project(id));
  }

  /** `PUT /projects/{id}`: the whole project, changed fields and unchanged ones. */
  updateProject(id: string, body: WireProjectWrite): Promise<WireProject> {
    return this.write('PUT', flexStackPaths.project(id), body);
  }

  /** `DELETE /projects/{id}` (204). */
  async deleteProject(id: string): Promise<void> {
    await this.write('DELETE', flexStackPaths.project(id));
  }

  /** `POST /projects/{id}/disconnect` (204): disconnects the project from its cloud account. */
  async disconnectProject(id: string): Promise<void> {
    await this.write('POST', flexStackPaths.disconnect(id));
  }

  /** `GET /projects/{id}/members`, optionally of one role. */
  listMembers(id: string, options: ListOptions & { role?: string | null | undefined }): Promise<WireList<WireMember>> {
    return this.read(flexStackPaths.members(id), { ...listQuery(options), role: options.role ?? undefined });
  }

  /** `POST /projects/{id}/members`: adds 1..100 organization members. */
  addMembers(id: string, memberIds: readonly string[]): Promise<unknown> {
    return this.write('POST', flexStackPaths.members(id), { [addMembersField]: memberIds });
  }

  /** `GET /projects/{id}/members/{member_id}`. */
  getMember(id: string, memberId: string): Promise<WireMember> {
    return this.read(flexStackPaths.member(id, memberId));
  }

  /** `PUT /projects/{id}/members/{member_id}`: the member's project role. */
  updateMember(id: string, memberId: string, role: string): Promise<WireMember> {
    return this.write('PUT', flexStackPaths.member(id, memberId), { role });
  }

  /** `DELETE /projects/{id}/members/{member_id}` (204). */
  async removeMember(id: string, memberId: string): Promise<void> {
    await this.write('DELETE', flexStackPaths.member(id, memberId));
  }

  /** `GET /projects/{id}/integrations/notifications`. */
  async listIntegrations(id: string): Promise<readonly WireIntegration[]> {
    return itemsOf<WireIntegration>(await this.read(flexStackPaths.integrations(id)));
  }

  /** `POST /projects/{id}/integrations/notifications` (201; webhook only). */
  createIntegration(id: string, body: { type: string; config: unknown; notifications?: WireNotificationFlags | undefined }): Promise<WireIntegration> {
    return this.write('POST', flexStackPaths.integrations(id), body);
  }

  /** `GET /projects/{id}/integrations/notifications/{integration_id}`. */
  getIntegration(id: string, integrationId: string): Promise<WireIntegration> {
    return this.read(flexStackPaths.integration(id, integrationId));
  }

  /** `PATCH /projects/{id}/integrations/notifications/{integration_id}`: the flags sent change. */
  updateIntegration(id: string, integrationId: string, notifications: WireNotificationFlags): Promise<WireIntegration> {
    return this.write('PATCH', flexStackPaths.integration(id, integrationId), { notifications });
  }

  /** `DELETE /projects/{id}/integrations/notifications/{integration_id}` (204). */
  async deleteIntegration(id: string, integrationId: string): Promise<void> {
    await this.write('DELETE', flexStackPaths.integration(id, integrationId));
  }
}
