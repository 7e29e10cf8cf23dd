import type DataLoader from 'dataloader';
import { GatewayError } from '../../errors/GatewayError.js';
import type { UpstreamSession } from '../http/UpstreamSession.js';
import type { Connection, ConnectionArgs, UpstreamPage } from '../../relay/connection.js';
import { keyLoader } from '../loaderUtils.js';
import { gitLabApi, type GitLabApi } from './api.js';
import {
  addHookBody,
  addMemberBody,
  createProjectBody,
  updateHookBody,
  updateMemberBody,
  type GitLabAddProjectHookInput,
  type GitLabCreateProjectInput,
  type GitLabMemberInput,
  type GitLabUpdateProjectHookInput,
} from './bodies.js';
import { toMember, toProject, toProjectHook } from './mappers.js';
import type { GitLabMemberModel, GitLabProjectHookModel, GitLabProjectModel } from './models.js';
import { gitLabConnection, keysetPage, keysetPositionOfToken, offsetPage, offsetQuery, perPage } from './paging.js';
import { GitLabPipelineLoaders } from './pipelineLoaders.js';
import { projectChildKey, type ProjectChildKey } from './projectChildKey.js';

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
 * (members, hooks) paging, the writes (their inputs checked by the resolvers
 * first), which prime or clear the loaders, and the project's CI (`ci`).
 */
export class GitLabLoaders {
  private readonly api: GitLabApi;
  /** By numeric id or full path, as the caller names the project. */
  readonly project: DataLoader<string, GitLabProjectModel>;
  readonly member: DataLoader<ProjectChildKey, GitLabMemberModel, string>;
  readonly hook: DataLoader<ProjectChildKey, GitLabProjectHookModel, string>;
  /** Pipelines and jobs. */
  readonly ci: GitLabPipelineLoaders;

  constructor(session: UpstreamSession) {
    const api = gitLabApi(session);
    this.api = api;
    this.project = keyLoader('gitlab.project', async (idOrPath) => {
      const project = toProject((await api.getProject({ path: { id: idOrPath } })).body);
      // Read by path, known by id too (and the reverse): members and hooks name their project by id.
      this.primeProject(project);
      return project;
    });
    this.member = keyLoader('gitlab.member', async ({ project, id }) => toMember((await api.getProjectMember({ path: { id: project, user_id: id } })).body, project), projectChildKey);
    this.hook = keyLoader('gitlab.hook', async ({ project, id }) => toProjectHook((await api.getProjectHook({ path: { id: project, hook_id: id } })).body), projectChildKey);
    this.ci = new GitLabPipelineLoaders(api);
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
   * One keyset page of projects in id order, `size` long. `token` holds the
   * keyset position (`id_after`) to start from: GitLab's `Link: rel="next"`
   * query, or a cursor's.
   */
  private async keysetProjects(token: string | null, size: number, filter: Record<string, string>): Promise<UpstreamPage<GitLabProjectModel>> {
    const query = { pagination: 'keyset', order_by: 'id', sort: 'asc', per_page: perPage(size), ...filter, ...(token === null ? {} : keysetPositionOfToken(token)) };
    const page = keysetPage(await this.api.listProjects({ query }), toProject);
    for (const project of page.items) this.primeProject(project);
    return page;
  }

  /** Projects visible to the credential (ALL), owned by its user, or where its user is a member. */
  projects(args: ConnectionArgs & { scope?: GitLabProjectScope | null | undefined; search?: string | null | undefined }): Promise<Connection<GitLabProjectModel>> {
    const filter = { ...scopeFilters[args.scope ?? 'ALL'], ...(args.search != null && args.search !== '' ? { search: args.search } : {}) };
    // In id order, each project is itself the keyset position of the rows after it.
    return gitLabConnection(args, (token, size) => this.keysetProjects(token, size, filter), { resumeAfter: (project) => `id_after=${project.id}` });
  }

  /**
   * One keyset page of the projects the credential's user is a member of,
   * filtered by name (GitLab's `search`), in id order: for lists that merge
   * several services ("my projects everywhere"). Not every project the
   * credential can see: on GitLab that is every public project of the
   * instance, where a user's own projects would be lost among strangers'.
   */
  projectsPage(token: string | null, size: number, filter: { name?: string | undefined }): Promise<UpstreamPage<GitLabProjectModel>> {
    return this.keysetProjects(token, size, { membership: 'true', ...(filter.name !== undefined && filter.name !== '' ? { search: filter.name } : {}) });
  }

  /** Direct members of a project; `query` filters by name or username. */
  membersOfProject(project: string, args: ConnectionArgs & { query?: string | null | undefined }): Promise<Connection<GitLabMemberModel>> {
    const filter = args.query != null && args.query !== '' ? { query: args.query } : {};
    return gitLabConnection(args, async (token, size) => {
      const page = offsetPage(await this.api.listProjectMembers({ path: { id: project }, query: { ...filter, ...offsetQuery(token, size) } }), (wire) => toMember(wire, project));
      for (const member of page.items) this.member.prime({ project, id: member.userId }, member);
      return page;
    });
  }

  /** A project's hooks. */
  hooksOfProject(project: string, args: ConnectionArgs): Promise<Connection<GitLabProjectHookModel>> {
    return gitLabConnection(args, async (token, size) => {
      const page = offsetPage(await this.api.listProjectHooks({ path: { id: project }, query: offsetQuery(token, size) }), toProjectHook);
      for (const hook of page.items) this.hook.prime({ project, id: hook.id }, hook);
      return page;
    });
  }

  async createProject(input: GitLabCreateProjectInput): Promise<GitLabProjectModel> {
    const body = createProjectBody(input);
    const project = toProject((await this.api.createProject({ body })).body);
    this.primeProject(project);
    return project;
  }

  async addMember(input: GitLabMemberInput): Promise<GitLabMemberModel> {
    const { project: ref, body } = addMemberBody(input);
    const id = await this.projectIdOf(ref);
    const project = String(id);
    const member = toMember((await this.api.addProjectMember({ path: { id }, body })).body, project);
    this.member.clear({ project, id: member.userId }).prime({ project, id: member.userId }, member);
    return member;
  }

  async updateMember(input: GitLabMemberInput): Promise<GitLabMemberModel> {
    const { project: ref, body } = updateMemberBody(input);
    const id = await this.projectIdOf(ref);
    const project = String(id);
    const member = toMember((await this.api.editProjectMember({ path: { id, user_id: input.userId }, body })).body, project);
    this.member.clear({ project, id: member.userId }).prime({ project, id: member.userId }, member);
    return member;
  }

  /** Removes a member; returns the project's numeric id. */
  async removeMember(projectId: string, userId: number): Promise<string> {
    const id = await this.projectIdOf(projectId);
    const project = String(id);
    await this.api.removeProjectMember({ path: { id, user_id: userId } });
    this.member.clear({ project, id: userId });
    return project;
  }

  async addHook(input: GitLabAddProjectHookInput): Promise<GitLabProjectHookModel> {
    const { project: ref, body } = addHookBody(input);
    const id = await this.projectIdOf(ref);
    const project = String(id);
    const hook = toProjectHook((await this.api.addProjectHook({ path: { id }, body })).body);
    this.hook.prime({ project, id: hook.id }, hook);
    return hook;
  }

  /**
   * Changes a hook; omitted fields keep their values. GitLab requires `url`
   * on every edit (`requires :url`, else 400), so without a new one the
   * hook's current URL is read and sent back unchanged (an unchanged URL
   * keeps the hook's secret token; a new one resets it).
   */
  async updateHook(input: GitLabUpdateProjectHookInput): Promise<GitLabProjectHookModel> {
    const { project: ref, body } = updateHookBody(input);
    const id = await this.projectIdOf(ref);
    const project = String(id);
    const key = { project, id: input.hookId };
    const url = body['url'] ?? (await this.hook.clear(key).load(key)).url;
    const hook = toProjectHook((await this.api.editProjectHook({ path: { id, hook_id: input.hookId }, body: { ...body, url } })).body);
    this.hook.clear({ project, id: hook.id }).prime({ project, id: hook.id }, hook);
    return hook;
  }

  /** Deletes a hook; returns the project's numeric id. */
  async deleteHook(projectId: string, hookId: number): Promise<string> {
    const id = await this.projectIdOf(projectId);
    const project = String(id);
    await this.api.deleteProjectHook({ path: { id, hook_id: hookId } });
    this.hook.clear({ project, id: hookId });
    return project;
  }
}
