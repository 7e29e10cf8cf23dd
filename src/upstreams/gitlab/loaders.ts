import type DataLoader from 'dataloader';
import { GatewayError } from '../../errors/GatewayError.js';
import type { UpstreamSession } from '../http/UpstreamSession.js';
import { connectionFromPages, defaultPageSize, type Connection, type ConnectionArgs, type UpstreamPage } from '../../relay/connection.js';
import { keyLoader } from '../loaderUtils.js';
import { GitLabClient } from './client.js';
import {
  addHookBody,
  addMemberBody,
  createProjectBody,
  projectAndId,
  updateHookBody,
  updateMemberBody,
  type GitLabAddProjectHookInput,
  type GitLabCreateProjectInput,
  type GitLabMemberInput,
  type GitLabUpdateProjectHookInput,
} from './inputs.js';
import { toMember, toProject, toProjectHook } from './mappers.js';
import type { GitLabMemberModel, GitLabProjectHookModel, GitLabProjectModel } from './models.js';
import { keysetPage, offsetPage, perPage, positionOfToken } from './paging.js';

/** A member or hook of a project, by the project as addressed and the numeric id. */
export interface ProjectChildKey {
  readonly project: string;
  readonly id: number;
}

const childKey = (key: ProjectChildKey): string => `${key.project}\u0000${key.id}`;

/**
 * The `per_page` of a connection's upstream pages: its `first`, fixed, so that
 * a cursor past the first page holds GitLab's own next-page token (a keyset
 * `id_after`, an offset `page`) rather than growing the first page.
 */
function pageSizeOf(args: ConnectionArgs): number {
  return perPage(args.first ?? defaultPageSize);
}

/** The `GET /projects` filter of each project scope. */
const scopeFilters = {
  ALL: {},
  OWNED: { owned: 'true' },
  MEMBERSHIP: { membership: 'true' },
} as const satisfies Readonly<Record<string, Record<string, string>>>;

/** Which projects a listing covers: all visible, owned, or those the user is a member of. */
export type GitLabProjectScope = keyof typeof scopeFilters;

/**
 * One request's GitLab data access: DataLoaders for projects, members and
 * hooks by key, connections mapped from GitLab's keyset (projects) and offset
 * (members, hooks) paging, and the writes, which validate their input first
 * and then prime or clear the loaders.
 */
export class GitLabLoaders {
  readonly client: GitLabClient;
  /** By numeric id or full path, as the caller names the project. */
  readonly project: DataLoader<string, GitLabProjectModel>;
  readonly member: DataLoader<ProjectChildKey, GitLabMemberModel, string>;
  readonly hook: DataLoader<ProjectChildKey, GitLabProjectHookModel, string>;

  constructor(session: UpstreamSession) {
    const client = new GitLabClient(session);
    this.client = client;
    this.project = keyLoader(async (idOrPath) => {
      const project = toProject(await client.getProject(idOrPath));
      // Read by path, known by id too (and the reverse): members and hooks name their project by id.
      this.primeProject(project);
      return project;
    });
    this.member = keyLoader(async ({ project, id }) => toMember(await client.getMember(project, id), project), childKey);
    this.hook = keyLoader(async ({ project, id }) => toProjectHook(await client.getHook(project, id)), childKey);
  }

  private primeProject(project: GitLabProjectModel): void {
    this.project.prime(String(project.id), project);
    if (project.pathWithNamespace !== '') this.project.prime(project.pathWithNamespace, project);
  }

  /**
   * The numeric id of a project named by id or full path, a path through the
   * project loader (one cached read). Member and hook writes name the project
   * by id, as their reads do, so that each purges from the response cache
   * that project's reads and no other's.
   */
  private async projectIdOf(ref: string): Promise<number> {
    if (/^\d+$/.test(ref)) return Number(ref);
    const { id } = await this.project.load(ref);
    if (id <= 0) throw new GatewayError('UPSTREAM_ERROR', `GitLab answered project ${ref} without its numeric id`, { service: 'gitlab' });
    return id;
  }

  /**
   * One keyset page of projects in id order. `token` is the query of the
   * previous page's `Link: rel="next"` URL; its position (`id_after`,
   * `per_page`) is sent back as GitLab made it.
   */
  private async keysetProjects(token: string | null, size: number, filter: Record<string, string>): Promise<UpstreamPage<GitLabProjectModel>> {
    const query = { pagination: 'keyset', order_by: 'id', sort: 'asc', per_page: perPage(size), ...filter, ...(token === null ? {} : positionOfToken(token)) };
    const page = keysetPage(await this.client.listProjects(query), toProject);
    for (const project of page.items) this.primeProject(project);
    return page;
  }

  /** Projects visible to the credential (ALL), owned by its user, or where its user is a member. */
  projects(args: ConnectionArgs & { scope?: GitLabProjectScope | null | undefined; search?: string | null | undefined }): Promise<Connection<GitLabProjectModel>> {
    const filter = { ...scopeFilters[args.scope ?? 'ALL'], ...(args.search != null && args.search !== '' ? { search: args.search } : {}) };
    const size = pageSizeOf(args);
    return connectionFromPages(args, (token) => this.keysetProjects(token, size, filter));
  }

  /**
   * One keyset page of the projects the credential's user is a member of,
   * filtered by name (GitLab's `search`), in id order: for lists that merge
   * several services.
   */
  projectsPage(token: string | null, size: number, filter: { name?: string | undefined }): Promise<UpstreamPage<GitLabProjectModel>> {
    return this.keysetProjects(token, size, { membership: 'true', ...(filter.name !== undefined && filter.name !== '' ? { search: filter.name } : {}) });
  }

  /** Direct members of a project; `query` filters by name or username. */
  membersOfProject(project: string, args: ConnectionArgs & { query?: string | null | undefined }): Promise<Connection<GitLabMemberModel>> {
    const size = pageSizeOf(args);
    return connectionFromPages(args, async (token) => {
      const query = { ...(args.query != null && args.query !== '' ? { query: args.query } : {}), per_page: size, ...(token === null ? {} : positionOfToken(token)) };
      const page = offsetPage(await this.client.listMembers(project, query), (wire) => toMember(wire, project));
      for (const member of page.items) this.member.prime({ project, id: member.userId }, member);
      return page;
    });
  }

  /** A project's hooks. */
  hooksOfProject(project: string, args: ConnectionArgs): Promise<Connection<GitLabProjectHookModel>> {
    const size = pageSizeOf(args);
    return connectionFromPages(args, async (token) => {
      const page = offsetPage(await this.client.listHooks(project, { per_page: size, ...(token === null ? {} : positionOfToken(token)) }), toProjectHook);
      for (const hook of page.items) this.hook.prime({ project, id: hook.id }, hook);
      return page;
    });
  }

  async createProject(input: GitLabCreateProjectInput): Promise<GitLabProjectModel> {
    const body = createProjectBody(input);
    const project = toProject(await this.client.createProject(body));
    this.primeProject(project);
    return project;
  }

  async addMember(input: GitLabMemberInput): Promise<GitLabMemberModel> {
    const { project: ref, body } = addMemberBody(input);
    const id = await this.projectIdOf(ref);
    const project = String(id);
    const member = toMember(await this.client.addMember(id, body), project);
    this.member.clear({ project, id: member.userId }).prime({ project, id: member.userId }, member);
    return member;
  }

  async updateMember(input: GitLabMemberInput): Promise<GitLabMemberModel> {
    const { project: ref, body } = updateMemberBody(input);
    const id = await this.projectIdOf(ref);
    const project = String(id);
    const member = toMember(await this.client.editMember(id, input.userId, body), project);
    this.member.clear({ project, id: member.userId }).prime({ project, id: member.userId }, member);
    return member;
  }

  /** Removes a member; returns the project's numeric id. */
  async removeMember(projectId: string, userId: number): Promise<string> {
    const id = await this.projectIdOf(projectAndId(projectId, userId, 'userId'));
    const project = String(id);
    await this.client.removeMember(id, userId);
    this.member.clear({ project, id: userId });
    return project;
  }

  async addHook(input: GitLabAddProjectHookInput): Promise<GitLabProjectHookModel> {
    const { project: ref, body } = addHookBody(input);
    const id = await this.projectIdOf(ref);
    const project = String(id);
    const hook = toProjectHook(await this.client.addHook(id, body));
    this.hook.prime({ project, id: hook.id }, hook);
    return hook;
  }

  async updateHook(input: GitLabUpdateProjectHookInput): Promise<GitLabProjectHookModel> {
    const { project: ref, body } = updateHookBody(input);
    const id = await this.projectIdOf(ref);
    const project = String(id);
    const hook = toProjectHook(await this.client.editHook(id, input.hookId, body));
    this.hook.clear({ project, id: hook.id }).prime({ project, id: hook.id }, hook);
    return hook;
  }

  /** Deletes a hook; returns the project's numeric id. */
  async deleteHook(projectId: string, hookId: number): Promise<string> {
    const id = await this.projectIdOf(projectAndId(projectId, hookId, 'hookId'));
    const project = String(id);
    await this.client.deleteHook(id, hookId);
    this.hook.clear({ project, id: hookId });
    return project;
  }
}
