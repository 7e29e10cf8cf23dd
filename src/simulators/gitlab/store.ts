import { createHash } from 'node:crypto';
import { pick, seededRandom } from '../core/ids.js';

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

export interface SimMember {
  readonly projectId: number;
  readonly userId: number;
  accessLevel: number;
  expiresAt: string | null;
  readonly createdAt: string;
  readonly createdById: number;
}

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
export type SimHookFlag = (typeof hookFlags)[number];

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

/** The instance's external URL, as GitLab puts it in `web_url`. */
export const externalUrl = 'https://gitlab.example.com';

/** Access levels a project membership may have. */
export const projectMemberLevels: readonly number[] = [10, 15, 20, 30, 40, 50];

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000Z');

/**
 * The GitLab simulator's data: users with tokens, groups (one nested),
 * personal namespaces, 35 projects of every visibility, direct and group
 * memberships, and hooks. Deterministic for a seed; writes change it.
 */
export class GitLabStore {
  readonly users: SimUser[] = [];
  readonly namespaces: SimNamespace[] = [];
  readonly projects: SimProject[] = [];
  readonly members: SimMember[] = [];
  readonly hooks: SimHook[] = [];
  /** Past this many rows GitLab stops counting: no `x-total`, `x-total-pages` or `rel="last"`. */
  totalsLimit = 10_000;
  private nextProjectId = 1;
  private nextHookId = 1;

  constructor(options: { seed?: number | undefined } = {}) {
    const random = seededRandom(options.seed ?? 4);
    const start = Date.UTC(2023, 0, 9, 9, 0, 0);
    const people: [string, string, string | null][] = [
      ['root', 'Administrator', 'gitlab-token-root'],
      ['ada', 'Ada Lovelace', 'demo-gitlab-token'],
      ['grace', 'Grace Hopper', 'gitlab-token-grace'],
      ['linus', 'Linus Torvalds', 'gitlab-token-linus'],
      ['margaret', 'Margaret Hamilton', null],
      ['alan', 'Alan Turing', null],
      ['barbara', 'Barbara Liskov', null],
      ['ken', 'Ken Thompson', null],
      ['dennis', 'Dennis Ritchie', null],
      ['frances', 'Frances Allen', null],
      ['edsger', 'Edsger Dijkstra', null],
      ['donald', 'Donald Knuth', null],
      ['radia', 'Radia Perlman', null],
      ['john.backus', 'John Backus', null],
      ['katherine', 'Katherine Johnson', null],
      ['hedy', 'Hedy Lamarr', null],
      ['leslie', 'Leslie Lamport', null],
      ['vint', 'Vint Cerf', null],
      ['bjarne', 'Bjarne Stroustrup', null],
      ['guido', 'Guido van Rossum', null],
      ['anders', 'Anders Hejlsberg', null],
      ['yukihiro', 'Yukihiro Matsumoto', null],
      ['sophie', 'Sophie Wilson', null],
      ['adele', 'Adele Goldberg', null],
    ];
    people.forEach(([username, name, token], index) => {
      this.users.push({
        id: index + 1,
        username,
        name,
        state: username === 'john.backus' ? 'blocked' : 'active',
        token,
        admin: username === 'root',
        createdAt: iso(start - (people.length - index) * 86_400_000),
      });
      this.namespaces.push({ id: index + 1, name, path: username, kind: 'user', parentId: null, ownerId: index + 1, members: new Map() });
    });
    const group = (id: number, name: string, path: string, parentId: number | null, members: [string, number][]): SimNamespace => {
      const namespace: SimNamespace = { id, name, path, kind: 'group', parentId, ownerId: null, members: new Map() };
      for (const [username, level] of members) namespace.members.set(this.userByName(username)?.id ?? 0, level);
      this.namespaces.push(namespace);
      return namespace;
    };
    const acme = group(100, 'Acme', 'acme', null, [
      ['ada', 50],
      ['grace', 30],
      ['ken', 20],
    ]);
    const platform = group(101, 'Platform', 'platform', acme.id, [['margaret', 40]]);
    const globex = group(102, 'Globex', 'globex', null, [
      ['grace', 50],
      ['alan', 20],
    ]);
    const initech = group(103, 'Initech', 'initech', null, [['dennis', 50]]);
    const ns = (username: string): number => this.userByName(username)?.id ?? 0;
    const plan: [number, string, SimProject['visibility'], string | null][] = [
      [acme.id, 'api', 'private', 'The public REST API of Acme'],
      [acme.id, 'web', 'private', 'Customer-facing web app'],
      [acme.id, 'mobile', 'private', 'iOS and Android apps'],
      [acme.id, 'infra', 'private', 'Terraform for production'],
      [acme.id, 'docs', 'public', 'Product documentation'],
      [acme.id, 'billing', 'private', 'Invoices and payments'],
      [acme.id, 'auth-service', 'internal', 'Single sign-on'],
      [acme.id, 'search', 'internal', 'Search indexer and API'],
      [acme.id, 'notifications', 'private', 'Email, SMS and push'],
      [acme.id, 'analytics', 'private', 'Event pipeline'],
      [acme.id, 'design-system', 'internal', 'Shared UI components'],
      [acme.id, 'cli', 'public', 'Command-line client'],
      [acme.id, 'sdk-js', 'public', 'JavaScript SDK'],
      [acme.id, 'sdk-python', 'public', 'Python SDK'],
      [acme.id, 'terraform-modules', 'internal', 'Reusable Terraform modules'],
      [acme.id, 'helm-charts', 'private', 'Helm charts'],
      [platform.id, 'gateway', 'private', 'Edge gateway'],
      [platform.id, 'scheduler', 'private', 'Job scheduler'],
      [platform.id, 'observability', 'internal', 'Dashboards and alerts'],
      [platform.id, 'runners', 'private', 'CI runner fleet'],
      [globex.id, 'storefront', 'public', 'Online shop'],
      [globex.id, 'inventory', 'private', 'Stock levels'],
      [globex.id, 'payments', 'private', 'Payment processing'],
      [globex.id, 'warehouse', 'private', 'Warehouse management'],
      [globex.id, 'crm', 'internal', 'Customer relations'],
      [globex.id, 'reporting', 'private', 'Monthly reports'],
      [globex.id, 'etl', 'private', 'Data loads'],
      [initech.id, 'tps-reports', 'private', 'TPS report generator'],
      [initech.id, 'printer-driver', 'private', 'PC LOAD LETTER'],
      [initech.id, 'intranet', 'internal', 'Company intranet'],
      [ns('ada'), 'dotfiles', 'private', 'My shell setup'],
      [ns('ada'), 'notes', 'public', 'Notes on the Analytical Engine'],
      [ns('grace'), 'cobol-compiler', 'private', null],
      [ns('grace'), 'talks', 'public', 'Slides'],
      [ns('linus'), 'subsurface', 'public', 'Dive log'],
    ];
    const topicsPool = ['backend', 'frontend', 'go', 'typescript', 'python', 'terraform', 'kubernetes', 'ruby'];
    plan.forEach(([namespaceId, path, visibility, description], index) => {
      const namespace = this.namespace(namespaceId) as SimNamespace;
      const creator = namespace.kind === 'user' ? (namespace.ownerId as number) : ([...this.groupChainMembers(namespace)][0]?.[0] ?? 1);
      const createdMs = start + index * 5 * 86_400_000 + Math.floor(random() * 3_600_000);
      const project = this.addProject({
        name: path
          .split('-')
          .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
          .join(' '),
        path,
        namespaceId,
        description,
        visibility,
        defaultBranch: index % 7 === 3 ? 'master' : 'main',
        creatorId: creator,
        createdAt: iso(createdMs),
      });
      project.lastActivityAt = iso(createdMs + Math.floor(random() * 200) * 3_600_000);
      project.topics = [pick(random, topicsPool), pick(random, topicsPool)].filter((topic, i, all) => all.indexOf(topic) === i);
      project.starCount = Math.floor(random() * 40);
      project.forksCount = Math.floor(random() * 6);
      // Direct members beyond the creator; acme/api has enough to need several pages.
      const extra = path === 'api' ? 14 : Math.floor(random() * 6);
      // linus stays a stranger to everyone else's projects, so tokens see different lists.
      const candidates = this.users.filter((user) => !user.admin && user.username !== 'linus' && user.id !== creator);
      const chosen = candidates
        .map((user) => ({ user, order: random() }))
        .sort((a, b) => a.order - b.order)
        .slice(0, extra);
      for (const [n, { user }] of chosen.entries()) {
        this.members.push({
          projectId: project.id,
          userId: user.id,
          accessLevel: pick(random, [10, 20, 30, 30, 30, 40]),
          expiresAt: n % 5 === 4 ? '2027-06-30' : null,
          createdAt: iso(createdMs + (n + 1) * 86_400_000),
          createdById: creator,
        });
      }
    });
    const hook = (projectPath: string, url: string, flags: SimHookFlag[], extra: Partial<HookFields> = {}): void => {
      const project = this.projectByPath(projectPath) as SimProject;
      this.addHook(project.id, { url, token: 'seeded-secret', flags, ...extra }, iso(Date.parse(project.createdAt) + 3_600_000));
    };
    hook('acme/api', 'https://ci.acme.example/hooks/gitlab', ['push_events', 'merge_requests_events', 'tag_push_events']);
    hook('acme/api', 'https://chat.acme.example/services/gitlab', ['merge_requests_events', 'note_events', 'pipeline_events'], { name: 'Chat' });
    hook('acme/api', 'https://old-ci.acme.example/hook', ['push_events'], { alertStatus: 'disabled', enableSslVerification: false });
    hook('acme/web', 'https://deploy.acme.example/gitlab', ['push_events', 'deployment_events'], { pushEventsBranchFilter: 'main' });
    hook('acme/platform/gateway', 'https://ci.acme.example/hooks/gitlab', ['push_events', 'tag_push_events', 'releases_events']);
    hook('globex/payments', 'https://audit.globex.example/gitlab', ['push_events', 'issues_events', 'confidential_issues_events']);
    hook('globex/payments', 'https://chat.globex.example/gitlab', ['job_events', 'pipeline_events', 'wiki_page_events'], {
      alertStatus: 'temporarily_disabled',
      disabledUntil: '2026-12-01T10:00:00.000Z',
    });
  }

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
