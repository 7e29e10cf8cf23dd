import type { UpstreamSession } from '../http/UpstreamSession.js';
import type { QueryValue, UpstreamResponse } from '../http/types.js';
import type { WireMember, WireProject, WireProjectHook } from './wire.js';

/** A project id for a path: the numeric id, or the full path URL-encoded as one segment (`group%2Fname`). */
export function projectSegment(idOrPath: string | number): string {
  return encodeURIComponent(String(idOrPath));
}

type Query = Readonly<Record<string, QueryValue>>;
type Body = Readonly<Record<string, unknown>>;

/**
 * GitLab REST v4 (`/api/v4`), one method per operation, in the service's own
 * terms. Lists return the whole response: their paging is in the headers.
 * Reads take a project by id or path; member and hook writes by numeric id
 * only, as reads of members and hooks name it, so that a write purges from
 * the cache exactly that project's reads.
 */
export class GitLabClient {
  constructor(private readonly session: UpstreamSession) {}

  /**
   * v4 lists every project the token can see (v3's `GET /projects` listed the
   * user's own); `owned=true` or `membership=true` narrow it.
   */
  listProjects(query: Query): Promise<UpstreamResponse<readonly WireProject[]>> {
    return this.session.get<readonly WireProject[]>('/projects', query, '/projects');
  }

  async getProject(idOrPath: string): Promise<WireProject> {
    return (await this.session.get<WireProject>(`/projects/${projectSegment(idOrPath)}`, undefined, '/projects/:id')).body;
  }

  /** 201 with the project; a taken or malformed name is a 400 with `{message: {field: […]}}` (v3 said 404). */
  async createProject(body: Body): Promise<WireProject> {
    return (await this.session.send<WireProject>({ method: 'POST', path: '/projects', body, route: '/projects' })).body;
  }

  listMembers(project: string, query: Query): Promise<UpstreamResponse<readonly WireMember[]>> {
    return this.session.get<readonly WireMember[]>(`/projects/${projectSegment(project)}/members`, query, '/projects/:id/members');
  }

  async getMember(project: string, userId: number): Promise<WireMember> {
    return (await this.session.get<WireMember>(`/projects/${projectSegment(project)}/members/${userId}`, undefined, '/projects/:id/members/:user_id')).body;
  }

  async addMember(projectId: number, body: Body): Promise<WireMember> {
    return (await this.session.send<WireMember>({ method: 'POST', path: `/projects/${projectId}/members`, body, route: '/projects/:id/members' })).body;
  }

  async editMember(projectId: number, userId: number, body: Body): Promise<WireMember> {
    return (
      await this.session.send<WireMember>({
        method: 'PUT',
        path: `/projects/${projectId}/members/${userId}`,
        body,
        route: '/projects/:id/members/:user_id',
      })
    ).body;
  }

  /** v4 answers 204, and 404 for a non-member (v3 answered 200 either way). */
  async removeMember(projectId: number, userId: number): Promise<void> {
    await this.session.send({ method: 'DELETE', path: `/projects/${projectId}/members/${userId}`, route: '/projects/:id/members/:user_id' });
  }

  listHooks(project: string, query: Query): Promise<UpstreamResponse<readonly WireProjectHook[]>> {
    return this.session.get<readonly WireProjectHook[]>(`/projects/${projectSegment(project)}/hooks`, query, '/projects/:id/hooks');
  }

  async getHook(project: string, hookId: number): Promise<WireProjectHook> {
    return (await this.session.get<WireProjectHook>(`/projects/${projectSegment(project)}/hooks/${hookId}`, undefined, '/projects/:id/hooks/:hook_id')).body;
  }

  async addHook(projectId: number, body: Body): Promise<WireProjectHook> {
    return (await this.session.send<WireProjectHook>({ method: 'POST', path: `/projects/${projectId}/hooks`, body, route: '/projects/:id/hooks' })).body;
  }

  /** v4 answers 200 (the v3 documents said 201). */
  async editHook(projectId: number, hookId: number, body: Body): Promise<WireProjectHook> {
    return (
      await this.session.send<WireProjectHook>({
        method: 'PUT',
        path: `/projects/${projectId}/hooks/${hookId}`,
        body,
        route: '/projects/:id/hooks/:hook_id',
      })
    ).body;
  }

  /** v4 takes the hook id in the path and answers 204; v3 took `hook_id` as a parameter of `DELETE /projects/:id/hooks`. */
  async deleteHook(projectId: number, hookId: number): Promise<void> {
    await this.session.send({ method: 'DELETE', path: `/projects/${projectId}/hooks/${hookId}`, route: '/projects/:id/hooks/:hook_id' });
  }
}
