import { createHash } from 'node:crypto';

/** A user; those with a token can call the API as themselves. */
export interface SimUser {
  readonly id: number;
  readonly username: string;
  readonly name: string;
  readonly state: 'active' | 'blocked';
  readonly token: string | null;
  readonly admin: boolean;
  readonly createdAt: string;
}

/** A group or a user's personal namespace. */
export interface SimNamespace {
  readonly id: number;
  readonly name: string;
  readonly path: string;
  readonly kind: 'group' | 'user';
  readonly parentId: number | null;
  /** For a user namespace, its owner. */
  readonly ownerId: number | null;
  /** For a group, its direct members' access levels by user id. */
  readonly members: Map<number, number>;
}

/** A stored project in the GitLab simulator. */
export interface SimProject {
  readonly id: number;
  name: string;
  path: string;
  readonly namespaceId: number;
  description: string | null;
  visibility: 'private' | 'internal' | 'public';
  defaultBranch: string;
  readonly createdAt: string;
  lastActivityAt: string;
  readonly creatorId: number;
  topics: string[];
  starCount: number;
  forksCount: number;
  emptyRepo: boolean;
}

/** A stored member in the GitLab simulator. */
export interface SimMember {
  readonly projectId: number;
  readonly userId: number;
  accessLevel: number;
  expiresAt: string | null;
  readonly createdAt: string;
  readonly createdById: number;
}

/** The event flags of a project hook, in GitLab's names and order. */
export const hookFlags = [
  'push_events',
  'issues_events',
  'confidential_issues_events',
  'merge_requests_events',
  'tag_push_events',
  'note_events',
  'confidential_note_events',
  'job_events',
  'pipeline_events',
  'wiki_page_events',
  'deployment_events',
  'releases_events',
] as const;
/** One of {@link hookFlags}. */
export type SimHookFlag = (typeof hookFlags)[number];

/** A stored hook in the GitLab simulator. */
export interface SimHook {
  readonly id: number;
  readonly projectId: number;
  url: string;
  /** The secret sent as `X-Gitlab-Token`; never returned by the API. */
  token: string | null;
  name: string;
  description: string;
  flags: Record<SimHookFlag, boolean>;
  pushEventsBranchFilter: string;
  enableSslVerification: boolean;
  alertStatus: 'executable' | 'disabled' | 'temporarily_disabled';
  disabledUntil: string | null;
  readonly createdAt: string;
}

/** What a new hook is made of; unset options take GitLab's defaults. */
export type HookFields = { url: string; token: string | null; flags: readonly SimHookFlag[] } & Partial<
  Pick<SimHook, 'name' | 'description' | 'pushEventsBranchFilter' | 'enableSslVerification' | 'alertStatus' | 'disabledUntil'>
>;

/** A stored pipeline in the GitLab simulator. */
export interface SimPipeline {
  readonly id: number;
  /** Its number within its project. */
  readonly iid: number;
  readonly projectId: number;
  readonly ref: string;
  readonly tag: boolean;
  readonly sha: string;
  readonly beforeSha: string;
  status: string;
  readonly source: string;
  readonly name: string | null;
  readonly userId: number;
  readonly createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  readonly coverage: string | null;
}

/** A stored job of a pipeline in the GitLab simulator. */
export interface SimJob {
  readonly id: number;
  readonly pipelineId: number;
  readonly projectId: number;
  readonly name: string;
  readonly stage: string;
  status: string;
  readonly allowFailure: boolean;
  readonly createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  failureReason: string | null;
  /** Replaced by a retry: listed only with `include_retried=true`. */
  readonly retried: boolean;
}

/** Pipeline and job statuses (`Ci::HasStatus::AVAILABLE_STATUSES`). */
export const ciStatuses: readonly string[] = [
  'created',
  'waiting_for_resource',
  'preparing',
  'waiting_for_callback',
  'pending',
  'running',
  'success',
  'failed',
  'canceling',
  'canceled',
  'skipped',
  'manual',
  'scheduled',
];

/** Statuses after which a pipeline or job does not move on by itself. */
export const finishedCiStatuses: readonly string[] = ['success', 'failed', 'canceled', 'skipped'];

/** The instance's external URL, as GitLab puts it in `web_url`. */
export const externalUrl = 'https://gitlab.example.com';

/** Access levels a project membership may have. */
export const projectMemberLevels: readonly number[] = [10, 15, 20, 30, 40, 50];

/**
 * The GitLab simulator's data and GitLab's rules over it (visibility,
 * effective access levels, ownership). Starts empty; `seedStore` fills it;
 * writes change it.
 */
export class GitLabStore {
  readonly users: SimUser[] = [];
  readonly namespaces: SimNamespace[] = [];
  readonly projects: SimProject[] = [];
  readonly members: SimMember[] = [];
  readonly hooks: SimHook[] = [];
  readonly pipelines: SimPipeline[] = [];
  readonly jobs: SimJob[] = [];
  /** Past this many rows GitLab stops counting: no `x-total`, `x-total-pages` or `rel="last"`. */
  totalsLimit = 10_000;
  private nextProjectId = 1;
  private nextHookId = 1;
  private nextPipelineId = 1;
  private nextJobId = 1;

  /** Adds a project with the next id; its creator becomes a direct member. */
  addProject(fields: Pick<SimProject, 'name' | 'path' | 'namespaceId' | 'description' | 'visibility' | 'defaultBranch' | 'creatorId' | 'createdAt'>): SimProject {
    const project: SimProject = { ...fields, id: this.nextProjectId++, lastActivityAt: fields.createdAt, topics: [], starCount: 0, forksCount: 0, emptyRepo: false };
    this.projects.push(project);
    const namespace = this.namespace(project.namespaceId);
    this.members.push({
      projectId: project.id,
      userId: project.creatorId,
      // A personal project's owner is listed as Owner; a group project's creator as Maintainer.
      accessLevel: namespace?.kind === 'user' ? 50 : 40,
      expiresAt: null,
      createdAt: project.createdAt,
      createdById: project.creatorId,
    });
    return project;
  }

  addHook(projectId: number, fields: HookFields, createdAt: string): SimHook {
    const flags = Object.fromEntries(hookFlags.map((flag) => [flag, fields.flags.includes(flag)])) as Record<SimHookFlag, boolean>;
    const hook: SimHook = {
      id: this.nextHookId++,
      projectId,
      url: fields.url,
      token: fields.token,
      name: fields.name ?? '',
      description: fields.description ?? '',
      flags,
      pushEventsBranchFilter: fields.pushEventsBranchFilter ?? '',
      enableSslVerification: fields.enableSslVerification ?? true,
      alertStatus: fields.alertStatus ?? 'executable',
      disabledUntil: fields.disabledUntil ?? null,
      createdAt,
    };
    this.hooks.push(hook);
    return hook;
  }

  /** Adds a pipeline with the next id and the next number of its project. */
  addPipeline(fields: Omit<SimPipeline, 'id' | 'iid'>): SimPipeline {
    const iid = this.pipelines.filter((pipeline) => pipeline.projectId === fields.projectId).length + 1;
    const pipeline: SimPipeline = { ...fields, id: this.nextPipelineId++, iid };
    this.pipelines.push(pipeline);
    return pipeline;
  }

  /** Adds a job of a pipeline with the next id. */
  addJob(fields: Omit<SimJob, 'id'>): SimJob {
    const job: SimJob = { ...fields, id: this.nextJobId++ };
    this.jobs.push(job);
    return job;
  }

  /**
   * Moves a pipeline to a status at a time, as a runner would: a pipeline
   * that finishes takes its jobs with it (the last one failing a failed
   * pipeline), one that runs starts its first waiting job.
   */
  setPipelineStatus(pipeline: SimPipeline, status: string, at: string): void {
    pipeline.status = status;
    pipeline.updatedAt = at;
    if (status === 'running') pipeline.startedAt ??= at;
    if (finishedCiStatuses.includes(status)) pipeline.finishedAt = at;
    const jobs = this.jobs.filter((job) => job.pipelineId === pipeline.id && !job.retried);
    if (finishedCiStatuses.includes(status)) {
      jobs.forEach((job, index) => {
        if (finishedCiStatuses.includes(job.status)) return;
        // A failed pipeline's last job is the one that failed; those before it passed.
        const passed = status === 'failed' && index < jobs.length - 1;
        job.status = passed ? 'success' : status;
        job.startedAt ??= at;
        job.finishedAt = at;
        if (job.status === 'failed') job.failureReason = 'script_failure';
      });
    } else if (status === 'running') {
      const waiting = jobs.find((job) => job.status === 'created' || job.status === 'pending');
      if (waiting !== undefined) {
        waiting.status = 'running';
        waiting.startedAt = at;
      }
    }
  }

  userByToken(token: string): SimUser | undefined {
    return this.users.find((user) => user.token === token);
  }

  userByName(username: string): SimUser | undefined {
    return this.users.find((user) => user.username === username);
  }

  namespace(id: number): SimNamespace | undefined {
    return this.namespaces.find((namespace) => namespace.id === id);
  }

  /** A namespace's full path (`acme/platform`). */
  fullPath(namespace: SimNamespace): string {
    const parent = namespace.parentId === null ? undefined : this.namespace(namespace.parentId);
    return parent === undefined ? namespace.path : `${this.fullPath(parent)}/${namespace.path}`;
  }

  /** A namespace's names joined as GitLab shows them (`Acme / Platform`). */
  fullName(namespace: SimNamespace): string {
    const parent = namespace.parentId === null ? undefined : this.namespace(namespace.parentId);
    return parent === undefined ? namespace.name : `${this.fullName(parent)} / ${namespace.name}`;
  }

  /** A project's `path_with_namespace`. */
  projectPath(project: SimProject): string {
    const namespace = this.namespace(project.namespaceId);
    return namespace === undefined ? project.path : `${this.fullPath(namespace)}/${project.path}`;
  }

  projectByPath(path: string): SimProject | undefined {
    const wanted = path.toLowerCase();
    return this.projects.find((project) => this.projectPath(project).toLowerCase() === wanted);
  }

  member(projectId: number, userId: number): SimMember | undefined {
    return this.members.find((member) => member.projectId === projectId && member.userId === userId);
  }

  /** The members of a group and of its ancestors, highest level winning. */
  groupChainMembers(namespace: SimNamespace): Map<number, number> {
    const levels = new Map<number, number>();
    for (let current: SimNamespace | undefined = namespace; current !== undefined; current = current.parentId === null ? undefined : this.namespace(current.parentId)) {
      for (const [userId, level] of current.members) levels.set(userId, Math.max(levels.get(userId) ?? 0, level));
    }
    return levels;
  }

  /** A user's effective access level on a project: direct, inherited from groups, or as the personal namespace's owner. */
  accessLevel(user: SimUser | null, project: SimProject): number {
    if (user === null) return 0;
    const namespace = this.namespace(project.namespaceId);
    let level = this.member(project.id, user.id)?.accessLevel ?? 0;
    if (namespace?.kind === 'user' && namespace.ownerId === user.id) level = 50;
    if (namespace?.kind === 'group') level = Math.max(level, this.groupChainMembers(namespace).get(user.id) ?? 0);
    return level;
  }

  /** Whether a user (null: anonymous) may see a project. */
  canSee(user: SimUser | null, project: SimProject): boolean {
    if (project.visibility === 'public') return true;
    if (user === null) return false;
    if (user.admin || project.visibility === 'internal') return true;
    return this.accessLevel(user, project) >= 10;
  }

  /** GitLab's `owned=true`: personal projects and projects of groups the user owns. */
  owns(user: SimUser, project: SimProject): boolean {
    const namespace = this.namespace(project.namespaceId);
    if (namespace?.kind === 'user') return namespace.ownerId === user.id;
    return namespace !== undefined && (this.groupChainMembers(namespace).get(user.id) ?? 0) >= 50;
  }

  avatarUrl(user: SimUser): string {
    const hash = createHash('md5').update(`${user.username}@example.com`).digest('hex');
    return `https://secure.gravatar.com/avatar/${hash}?s=80&d=identicon`;
  }
}
