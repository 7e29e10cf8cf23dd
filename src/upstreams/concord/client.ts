import type { UpstreamSession } from '../http/UpstreamSession.js';
import type { WireAccessEntry, WireAccessWrite, WireOperationResult, WireProject, WireProjectWrite } from './wire.js';

const seg = encodeURIComponent;

/** A configuration path (`a/b`) as the `{path}` of the cfg endpoints: each part encoded, empty parts dropped. */
export function cfgPath(path: string | null | undefined): string {
  const parts = (path ?? '')
    .split('/')
    .filter((part) => part !== '')
    .map((part) => seg(part));
  return parts.length === 0 ? '' : `/${parts.join('/')}`;
}

/**
 * Concord's project API (`/api` base), one method per operation, in the
 * server's own terms. Bound to one request's API key through its session.
 */
export class ConcordClient {
  constructor(private readonly session: UpstreamSession) {}

  /** `GET /v1/org/{org}/project`: sorted by name; `filter` matches names containing it. */
  async listProjects(org: string, options: { offset: number; limit: number; filter?: string | null | undefined }): Promise<readonly WireProject[]> {
    const body = (
      await this.session.get<unknown>(
        `/v1/org/${seg(org)}/project`,
        { offset: options.offset, limit: options.limit, filter: options.filter },
        '/v1/org/{org}/project',
      )
    ).body;
    return Array.isArray(body) ? (body as WireProject[]) : [];
  }

  /** `GET /v2/org/{org}/project/{name}`. */
  async getProject(org: string, name: string): Promise<WireProject> {
    return (await this.session.get<WireProject>(`/v2/org/${seg(org)}/project/${seg(name)}`, undefined, '/v2/org/{org}/project/{name}')).body;
  }

  /**
   * `POST /v1/org/{org}/project`: creates, or updates the project with the
   * body's id (else name); with `orgName`/`orgId` it moves the project.
   */
  async createOrUpdateProject(org: string, body: WireProjectWrite): Promise<WireOperationResult> {
    return (
      await this.session.send<WireOperationResult>({ method: 'POST', path: `/v1/org/${seg(org)}/project`, body, route: '/v1/org/{org}/project' })
    ).body;
  }

  /** `DELETE /v1/org/{org}/project/{name}`. */
  async deleteProject(org: string, name: string): Promise<WireOperationResult> {
    return (
      await this.session.send<WireOperationResult>({
        method: 'DELETE',
        path: `/v1/org/${seg(org)}/project/${seg(name)}`,
        route: '/v1/org/{org}/project/{name}',
      })
    ).body;
  }

  /** `GET /v1/org/{org}/project/{name}/cfg/{path}`: the whole configuration, or the value at a path (null when absent). */
  async getConfiguration(org: string, name: string, path: string | null | undefined): Promise<unknown> {
    return (
      await this.session.get<unknown>(`/v1/org/${seg(org)}/project/${seg(name)}/cfg${cfgPath(path)}`, undefined, '/v1/org/{org}/project/{name}/cfg/{path}')
    ).body;
  }

  /** `PUT /v1/org/{org}/project/{name}/cfg/{path}`: replaces the whole configuration, or the value at a path. */
  async updateConfiguration(org: string, name: string, path: string | null | undefined, value: unknown): Promise<WireOperationResult> {
    return (
      await this.session.send<WireOperationResult>({
        method: 'PUT',
        path: `/v1/org/${seg(org)}/project/${seg(name)}/cfg${cfgPath(path)}`,
        body: value,
        route: '/v1/org/{org}/project/{name}/cfg/{path}',
      })
    ).body;
  }

  /** `GET /v1/org/{org}/project/{name}/access`. */
  async listAccess(org: string, name: string): Promise<readonly WireAccessEntry[]> {
    const body = (
      await this.session.get<unknown>(`/v1/org/${seg(org)}/project/${seg(name)}/access`, undefined, '/v1/org/{org}/project/{name}/access')
    ).body;
    return Array.isArray(body) ? (body as WireAccessEntry[]) : [];
  }

  /** `POST /v1/org/{org}/project/{name}/access`: one team's level. */
  async updateAccess(org: string, name: string, entry: WireAccessWrite): Promise<WireOperationResult> {
    return (
      await this.session.send<WireOperationResult>({
        method: 'POST',
        path: `/v1/org/${seg(org)}/project/${seg(name)}/access`,
        body: entry,
        route: '/v1/org/{org}/project/{name}/access',
      })
    ).body;
  }

  /** `POST /v1/org/{org}/project/{name}/access/bulk`: several teams' levels at once. */
  async bulkUpdateAccess(org: string, name: string, entries: readonly WireAccessWrite[]): Promise<WireOperationResult> {
    return (
      await this.session.send<WireOperationResult>({
        method: 'POST',
        path: `/v1/org/${seg(org)}/project/${seg(name)}/access/bulk`,
        body: entries,
        route: '/v1/org/{org}/project/{name}/access/bulk',
      })
    ).body;
  }
}
