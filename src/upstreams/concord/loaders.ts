import type DataLoader from 'dataloader';
import { GatewayError } from '../../errors/GatewayError.js';
import type { UpstreamSession } from '../http/UpstreamSession.js';
import { connectionFromOffset } from '../../relay/connectionFromOffset.js';
import { connectionFromList, type Connection, type ConnectionArgs, type UpstreamPage } from '../../relay/connection.js';
import { keyLoader } from '../loaderUtils.js';
import { str } from '../decode.js';
import { concordApi, type ConcordApi } from './api.js';
import { toOperationResult, toProcess, toProject, toTeamAccess } from './mappers.js';
import type { ConcordOperationResult, ConcordProcessModel, ConcordProjectModel, ConcordTeamAccessModel } from './models.js';
import type { WireAccessWrite, WireProjectWrite } from './wire.js';

/** A project, or a team, by its organization and its name. */
export interface ConcordNameRef {
  readonly org: string;
  readonly name: string;
}

/** The key of a project: `org/name` (neither may hold a `/`), its global id's key and its loader's cache key. */
export function projectKey(org: string, name: string): string {
  return `${org}/${name}`;
}

const nameCacheKey = (ref: ConcordNameRef): string => projectKey(ref.org, ref.name);

/** Splits a {@link projectKey}. */
export function parseProjectKey(key: string): { org: string; name: string } | null {
  const slash = key.indexOf('/');
  if (slash <= 0 || slash === key.length - 1) return null;
  return { org: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** The writable project fields, as the GraphQL inputs carry them. */
export type ConcordProjectFields = Omit<WireProjectWrite, 'id' | 'name' | 'orgId' | 'orgName'>;

/** A project write and the project as it is afterwards. */
export interface ConcordProjectWrite {
  readonly result: ConcordOperationResult;
  readonly project: ConcordProjectModel | null;
}

function isNotFound(error: unknown): boolean {
  return error instanceof GatewayError && error.code === 'NOT_FOUND';
}

/**
 * One request's Concord data access: projects by `org/name`, project lists
 * mapped from Concord's offset/limit paging, configuration reads, team
 * access, processes and the writes (which refresh what they change).
 */
export class ConcordLoaders {
  private readonly api: ConcordApi;
  readonly project: DataLoader<ConcordNameRef, ConcordProjectModel, string>;
  /** By instance id. */
  readonly process: DataLoader<string, ConcordProcessModel>;
  /** Team ids by the team's organization and name. */
  private readonly teamId: DataLoader<ConcordNameRef, string, string>;

  constructor(
    session: UpstreamSession,
    private readonly orgs: readonly string[] = ['Default'],
  ) {
    const api = concordApi(session);
    this.api = api;
    this.project = keyLoader('concord.project', async ({ org, name }) => toProject((await api.getProject({ path: { orgName: org, projectName: name } })).body, org), nameCacheKey);
    this.process = keyLoader('concord.process', async (instanceId) => toProcess((await api.getProcess({ path: { instanceId } })).body));
    this.teamId = keyLoader('concord.teamId', async ({ org, name }) => {
      const id = str((await api.getTeam({ path: { orgName: org, teamName: name } })).body.id);
      if (id === null || id === '') throw new GatewayError('UPSTREAM_ERROR', 'Unexpected response from Concord', { service: 'concord' });
      return id;
    }, nameCacheKey);
  }

  private async listPage(org: string, offset: number, limit: number, nameContains: string | null | undefined): Promise<ConcordProjectModel[]> {
    const { body } = await this.api.findProjects({ path: { orgName: org }, query: { offset, limit, filter: nameContains ?? undefined } });
    const projects = body.map((project) => toProject(project, org));
    for (const project of projects) this.project.prime({ org: project.orgName, name: project.name }, project);
    return projects;
  }

  /** An organization's projects by name, read with Concord's offset/limit. */
  projects(org: string, args: ConnectionArgs, nameContains?: string | null | undefined): Promise<Connection<ConcordProjectModel>> {
    return connectionFromOffset(args, (offset, limit) => this.listPage(org, offset, limit, nameContains));
  }

  /**
   * One native page of the projects of the configured organizations
   * (CONCORD_ORGS), organization by organization, each by name. The token is
   * `<org index>:<offset>`.
   */
  async projectsPage(token: string | null, size: number, filter: { name?: string | undefined }): Promise<UpstreamPage<ConcordProjectModel>> {
    const match = token === null ? ['', '0', '0'] : /^(\d+):(\d+)$/.exec(token);
    const orgIndex = Number(match?.[1] ?? NaN);
    const org = this.orgs[orgIndex];
    if (match === null || org === undefined) throw new GatewayError('BAD_USER_INPUT', 'Invalid Concord page position');
    const offset = Number(match[2]);
    const items = await this.listPage(org, offset, size, filter.name);
    if (items.length === size) return { items, next: `${orgIndex}:${offset + size}` };
    return { items, next: orgIndex + 1 < this.orgs.length ? `${orgIndex + 1}:0` : null };
  }

  /**
   * A project's configuration: the whole object without a path, else the
   * value at `group/key`; null when nothing is there.
   */
  async configuration(org: string, name: string, path: string | null | undefined): Promise<unknown> {
    const project = { orgName: org, projectName: name };
    try {
      const { body } =
        path == null || path === ''
          ? await this.api.getProjectConfiguration({ path: project })
          : await this.api.getProjectConfigurationValue({ path: { ...project, path } });
      return body ?? null;
    } catch (error) {
      // Concord answers 404 ("Value not found") for a path with nothing at it.
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** The teams with access to a project (Concord returns them all at once). */
  async teamAccess(org: string, name: string, args: ConnectionArgs): Promise<Connection<ConcordTeamAccessModel>> {
    const { body } = await this.api.getProjectAccessLevel({ path: { orgName: org, projectName: name } });
    return connectionFromList(
      args,
      body.map((entry) => toTeamAccess(entry, org, name)),
    );
  }

  private async processPage(org: string, name: string, offset: number, limit: number): Promise<ConcordProcessModel[]> {
    const { body } = await this.api.listProcesses({ query: { orgName: org, projectName: name, limit, offset } });
    const processes = body.map((wire) => toProcess(wire, org, name));
    for (const process of processes) this.process.prime(process.instanceId, process);
    return processes;
  }

  /** A project's processes, newest first. */
  processes(org: string, name: string, args: ConnectionArgs): Promise<Connection<ConcordProcessModel>> {
    return connectionFromOffset(args, (offset, limit) => this.processPage(org, name, offset, limit));
  }

  /** A project's newest process, or null when it has none. */
  async latestProcess(org: string, name: string): Promise<ConcordProcessModel | null> {
    return (await this.processPage(org, name, 0, 1))[0] ?? null;
  }

  /** One team's access rule, by team id; null when the team has none. */
  async teamAccessOf(org: string, name: string, teamId: string): Promise<ConcordTeamAccessModel | null> {
    const { body } = await this.api.getProjectAccessLevel({ path: { orgName: org, projectName: name } });
    const entry = body.find((candidate) => str(candidate.teamId) === teamId);
    return entry === undefined ? null : toTeamAccess(entry, org, name);
  }

  private async reload(org: string, name: string): Promise<ConcordProjectModel | null> {
    const key = { org, name };
    this.project.clear(key);
    try {
      return await this.project.load(key);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  private async createOrUpdate(org: string, body: WireProjectWrite): Promise<ConcordOperationResult> {
    return toOperationResult((await this.api.createOrUpdateProject({ path: { orgName: org }, body })).body);
  }

  /**
   * Creates a project, or updates the one of that name (Concord's
   * create-or-update). An update resets a `rawPayloadMode` left out, so an
   * existing project's is read first and sent unchanged.
   */
  async createProject(org: string, name: string, fields: ConcordProjectFields): Promise<ConcordProjectWrite> {
    let kept: ConcordProjectFields = {};
    if (fields.rawPayloadMode === undefined) {
      const current = await this.reload(org, name);
      if (current?.rawPayloadMode != null) kept = { rawPayloadMode: current.rawPayloadMode };
    }
    const result = await this.createOrUpdate(org, { ...kept, ...fields, name });
    return { result, project: await this.reload(org, name) };
  }

  /**
   * Updates an existing project by id, optionally renaming it. The project is
   * read first when its id or its `rawPayloadMode` is not given: an update
   * never creates, and Concord would reset a `rawPayloadMode` left out.
   */
  async updateProject(org: string, name: string, change: { id?: string | undefined; newName?: string | undefined; fields: ConcordProjectFields }): Promise<ConcordProjectWrite> {
    let { id } = change;
    let { rawPayloadMode } = change.fields;
    if (id === undefined || rawPayloadMode === undefined) {
      const current = await this.project.load({ org, name });
      if (id !== undefined && id !== current.id) {
        throw new GatewayError('BAD_USER_INPUT', `projectId ${id} is not the id of ${projectKey(org, name)}`, {
          details: [{ field: 'input.projectId', message: `is not the id of ${projectKey(org, name)}` }],
        });
      }
      id = current.id;
      rawPayloadMode ??= current.rawPayloadMode ?? undefined;
    }
    const newName = change.newName ?? name;
    const result = await this.createOrUpdate(org, { ...change.fields, ...(rawPayloadMode === undefined ? {} : { rawPayloadMode }), id, name: newName });
    this.project.clear({ org, name });
    return { result, project: await this.reload(org, newName) };
  }

  /**
   * Moves a project to another organization, by its name or id. The project
   * is read first: the move names it by id, and sends its `rawPayloadMode`,
   * which Concord would otherwise reset.
   */
  async moveProject(org: string, name: string, to: { orgName?: string | undefined; orgId?: string | undefined }): Promise<ConcordProjectWrite> {
    const current = await this.project.load({ org, name });
    const result = await this.createOrUpdate(org, {
      id: current.id,
      name,
      orgName: to.orgName,
      orgId: to.orgId,
      ...(current.rawPayloadMode === null ? {} : { rawPayloadMode: current.rawPayloadMode }),
    });
    this.project.clear({ org, name });
    // Concord answers only the id; the project can be read back when the target is named.
    return { result, project: to.orgName === undefined ? null : await this.reload(to.orgName, name) };
  }

  /** Deletes a project. */
  async deleteProject(org: string, name: string): Promise<ConcordOperationResult> {
    const result = toOperationResult((await this.api.deleteProject({ path: { orgName: org, projectName: name } })).body);
    this.project.clear({ org, name });
    return result;
  }

  /** Replaces the whole configuration (no path), or the value at `group/key`. */
  async updateConfiguration(org: string, name: string, path: string | null | undefined, value: unknown): Promise<ConcordProjectWrite> {
    const project = { orgName: org, projectName: name };
    // JSON text whatever the value: a string body would otherwise go out bare, which Concord cannot read as JSON.
    const json = { body: JSON.stringify(value ?? null), contentType: 'application/json' };
    const { body } =
      path == null || path === ''
        ? await this.api.updateProjectConfiguration({ path: project, ...json })
        : await this.api.updateProjectConfigurationValue({ path: { ...project, path }, ...json });
    return { result: toOperationResult(body), project: await this.reload(org, name) };
  }

  /** Sets one team's access level (Concord resolves a team name itself here). */
  async updateTeamAccess(org: string, name: string, entry: WireAccessWrite): Promise<ConcordProjectWrite> {
    const result = toOperationResult((await this.api.updateProjectAccessLevel({ path: { orgName: org, projectName: name }, body: entry })).body);
    return { result, project: await this.reload(org, name) };
  }

  /**
   * Replaces the project's team access list. Concord's bulk endpoint stores
   * team ids only, so team names are resolved to ids first.
   */
  async bulkUpdateTeamAccess(org: string, name: string, entries: readonly WireAccessWrite[]): Promise<ConcordProjectWrite> {
    const body = await Promise.all(
      entries.map(async (entry): Promise<WireAccessWrite> => ({
        teamId: entry.teamId ?? (await this.teamId.load({ org: entry.orgName ?? org, name: entry.teamName ?? '' })),
        level: entry.level,
      })),
    );
    const result = toOperationResult((await this.api.updateProjectAccessLevelBulk({ path: { orgName: org, projectName: name }, body })).body);
    return { result, project: await this.reload(org, name) };
  }
}
