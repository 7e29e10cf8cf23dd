import { pick, seededRandom } from '../core/ids.js';
import type { GitLabStore, HookFields, SimHookFlag, SimNamespace, SimProject } from './store.js';

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000Z');

/**
 * Fills a store with realistic data: 24 users (four with tokens: an admin,
 * ada, grace and linus), groups acme (with the subgroup acme/platform),
 * globex and initech, 35 projects of every visibility, direct memberships,
 * and hooks. Deterministic for a seed.
 */
export function seedStore(store: GitLabStore, seed: number): void {
  const random = seededRandom(seed);
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
    store.users.push({
      id: index + 1,
      username,
      name,
      state: username === 'john.backus' ? 'blocked' : 'active',
      token,
      admin: username === 'root',
      createdAt: iso(start - (people.length - index) * 86_400_000),
    });
    store.namespaces.push({ id: index + 1, name, path: username, kind: 'user', parentId: null, ownerId: index + 1, members: new Map() });
  });
  const group = (id: number, name: string, path: string, parentId: number | null, members: [string, number][]): SimNamespace => {
    const namespace: SimNamespace = { id, name, path, kind: 'group', parentId, ownerId: null, members: new Map() };
    for (const [username, level] of members) namespace.members.set(store.userByName(username)?.id ?? 0, level);
    store.namespaces.push(namespace);
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
  const ns = (username: string): number => store.userByName(username)?.id ?? 0;
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
    const namespace = store.namespace(namespaceId) as SimNamespace;
    const creator = namespace.kind === 'user' ? (namespace.ownerId as number) : ([...store.groupChainMembers(namespace)][0]?.[0] ?? 1);
    const createdMs = start + index * 5 * 86_400_000 + Math.floor(random() * 3_600_000);
    const project = store.addProject({
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
    const candidates = store.users.filter((user) => !user.admin && user.username !== 'linus' && user.id !== creator);
    const chosen = candidates
      .map((user) => ({ user, order: random() }))
      .sort((a, b) => a.order - b.order)
      .slice(0, extra);
    for (const [n, { user }] of chosen.entries()) {
      store.members.push({
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
    const project = store.projectByPath(projectPath) as SimProject;
    store.addHook(project.id, { url, token: 'seeded-secret', flags, ...extra }, iso(Date.parse(project.createdAt) + 3_600_000));
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
