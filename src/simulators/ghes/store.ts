import { seededRandom, pick } from '../core/ids.js';

/** A user of the simulated instance, with the token that authenticates as them. */
export interface SimGhesUser {
  readonly id: number;
  login: string;
  readonly name: string;
  readonly email: string;
  readonly siteAdmin: boolean;
  readonly token: string | null;
  ldapDn: string | null;
  readonly createdAt: string;
  updatedAt: string;
}

/** A stored hook in the GHES simulator. */
export interface SimGhesHook {
  readonly id: number;
  active: boolean;
  events: string[];
  config: { url: string; contentType: 'json' | 'form'; insecureSsl: '0' | '1'; secret: string | null };
  readonly createdAt: string;
  updatedAt: string;
}

/** A stored key in the GHES simulator. */
export interface SimGhesKey {
  readonly id: number;
  readonly key: string;
  readonly title: string;
  readonly userId: number | null;
  readonly repositoryId: number | null;
  readonly readOnly: boolean;
  readonly verified: boolean;
  readonly createdAt: string;
  readonly addedBy: string | null;
  readonly lastUsed: string | null;
}

/** A stored team in the GHES simulator. */
export interface SimGhesTeam {
  readonly id: number;
  readonly org: string;
  readonly name: string;
  readonly slug: string;
  readonly description: string | null;
  readonly privacy: 'closed' | 'secret';
  readonly permission: string;
  readonly parentId: number | null;
  ldapDn: string | null;
}

/** A stored org in the GHES simulator. */
export interface SimGhesOrg {
  readonly id: number;
  login: string;
  profileName: string | null;
  readonly admin: string;
  readonly description: string | null;
}

/** The state of a pre-receive environment's download. */
export type DownloadState = 'not_started' | 'in_progress' | 'success' | 'failed';

/** A stored environment in the GHES simulator. */
export interface SimGhesEnvironment {
  readonly id: number;
  name: string;
  imageUrl: string;
  readonly isDefault: boolean;
  readonly createdAt: string;
  updatedAt: string;
  hooksCount: number;
  download: { state: DownloadState; downloadedAt: string | null; message: string | null; startedAt: number | null };
}

/** What the simulator saw in each request's headers, for tests of the client's contract. */
export interface SimGhesHeaderRecord {
  readonly method: string;
  readonly path: string;
  readonly accept: string | undefined;
  readonly apiVersion: string | undefined;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
}

/** The primary rate limit of a token: GitHub's 5,000 requests an hour. */
export const hourlyLimit = 5000;

const base = Date.UTC(2024, 0, 8, 9, 0, 0);
const isoAt = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const day = 86_400_000;

/**
 * The GitHub Enterprise Server simulator's data: deterministic seeded users,
 * global webhooks (more than one page), public keys, LDAP-mapped teams and
 * users, organizations and pre-receive environments (with the default one),
 * plus the request headers seen and each token's primary rate-limit usage.
 */
export class GhesStore {
  readonly users: SimGhesUser[] = [];
  readonly hooks: SimGhesHook[] = [];
  readonly keys: SimGhesKey[] = [];
  readonly teams: SimGhesTeam[] = [];
  readonly orgs: SimGhesOrg[] = [];
  readonly environments: SimGhesEnvironment[] = [];
  readonly headerLog: SimGhesHeaderRecord[] = [];
  /** Pings and LDAP syncs received, in order. */
  readonly events: string[] = [];
  /** What a spent quota answers: GitHub's primary limit (403) or a secondary limit (429 + Retry-After). */
  rateLimitMode: 'primary' | 'secondary' = 'primary';
  /** How long a started pre-receive environment download takes, in ms. */
  downloadMs: number;
  private readonly usage = new Map<string, { used: number; resetAt: number }>();
  private nextIds = { hook: 0, org: 0, environment: 0 };

  constructor(options: { readonly seed?: number | undefined; readonly downloadMs?: number | undefined } = {}) {
    this.downloadMs = options.downloadMs ?? 2000;
    this.seed(options.seed ?? 7);
  }

  private seed(seed: number): void {
    const random = seededRandom(seed);
    const people: [string, string, boolean, string | null][] = [
      ['ghe-admin', 'Site Administrator', true, 'demo-ghes-token'],
      ['octocat', 'monalisa octocat', false, 'ghes-token-octocat'],
      ['hubot', 'Hubot', false, null],
      ['ada', 'Ada Lovelace', false, null],
      ['grace', 'Grace Hopper', false, null],
      ['linus', 'Linus Torvalds', false, null],
      ['margaret', 'Margaret Hamilton', false, null],
      ['alan', 'Alan Turing', false, null],
    ];
    people.forEach(([login, name, siteAdmin, token], index) => {
      this.users.push({
        id: index + 1,
        login,
        name,
        email: `${login}@ghes.example.com`,
        siteAdmin,
        token,
        ldapDn: index % 3 === 2 ? null : `uid=${login},ou=users,dc=ghes,dc=example,dc=com`,
        createdAt: isoAt(base - (400 - index * 17) * day),
        updatedAt: isoAt(base - (30 - index) * day),
      });
    });
    for (const [id, login, description] of [
      [1, 'github', 'A great organization'],
      [2, 'acme', 'Acme Corporation engineering'],
      [3, 'platform', null],
    ] as const) {
      this.orgs.push({ id, login, profileName: login === 'github' ? 'GitHub, Inc.' : null, admin: 'ghe-admin', description });
    }
    this.nextIds.org = this.orgs.length;
    const teamNames = ['Justice League', 'Enterprise Ops', 'Release Engineering', 'Security', 'Docs', 'Mobile', 'Data Platform', 'SRE'];
    teamNames.forEach((name, index) => {
      const slug = name.toLowerCase().replace(/\s+/g, '-');
      this.teams.push({
        id: index + 1,
        org: this.orgs[index % this.orgs.length]?.login ?? 'github',
        name,
        slug,
        description: index === 0 ? 'A great team.' : index % 2 === 0 ? `${name} team` : null,
        privacy: index % 4 === 3 ? 'secret' : 'closed',
        permission: pick(random, ['pull', 'push', 'admin'] as const),
        parentId: index === 5 ? 1 : null,
        ldapDn: index % 3 === 1 ? null : `cn=${name},ou=teams,dc=ghes,dc=example,dc=com`,
      });
    });
    const eventSets = [['organization', 'user'], ['user'], ['organization'], ['repository', 'team'], ['organization', 'user', 'team']];
    for (let id = 1; id <= 45; id++) {
      const created = base + id * 3_600_000;
      this.hooks.push({
        id,
        active: id % 7 !== 0,
        events: [...(eventSets[(id - 1) % eventSets.length] ?? ['user'])],
        config: {
          url: `https://hooks${(id % 4) + 1}.example.com/ghes/${id}`,
          contentType: id % 3 === 0 ? 'form' : 'json',
          insecureSsl: id % 11 === 0 ? '1' : '0',
          secret: id % 2 === 0 ? `seeded-secret-${id}` : null,
        },
        createdAt: isoAt(created),
        updatedAt: isoAt(created + (id % 5) * day),
      });
    }
    this.nextIds.hook = this.hooks.length;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (let id = 1; id <= 25; id++) {
      const key = Array.from({ length: 43 }, () => pick(random, [...alphabet])).join('');
      const deploy = id % 4 === 0;
      const created = base - (60 - id * 2) * day;
      this.keys.push({
        id,
        key: `ssh-ed25519 ${key}`,
        title: deploy ? `deploy key ${id}` : `laptop-${id}`,
        userId: deploy ? null : (((id - 1) % this.users.length) + 1),
        repositoryId: deploy ? 100 + id : null,
        readOnly: deploy && id % 8 === 0,
        verified: id % 5 !== 0,
        createdAt: isoAt(created),
        addedBy: deploy ? 'ghe-admin' : null,
        lastUsed: id % 6 === 0 ? null : isoAt(created + (id % 9) * day),
      });
    }
    const environments: [string, string, boolean, number, DownloadState, string | null][] = [
      ['Default', 'githubenterprise://internal', true, 14, 'success', null],
      ['DevTools Hook Env', 'https://files.ghes.example.com/envs/devtools_env.tar.gz', false, 1, 'success', null],
      ['Node 20', 'https://files.ghes.example.com/envs/node20.tar.gz', false, 0, 'in_progress', null],
      ['Python 3.12', 'https://files.ghes.example.com/envs/python312.tar.gz', false, 0, 'failed', 'Failed to download: 404 Not Found'],
      ['Empty sandbox', 'https://files.ghes.example.com/envs/empty.tar.gz', false, 0, 'not_started', null],
      ['Go toolchain', 'https://files.ghes.example.com/envs/go.tar.gz', false, 2, 'success', null],
      ['Alpine minimal', 'https://files.ghes.example.com/envs/alpine.tar.gz', false, 0, 'success', null],
    ];
    environments.forEach(([name, imageUrl, isDefault, hooksCount, state, message], index) => {
      const created = base - (200 - index * 20) * day;
      this.environments.push({
        id: index + 1,
        name,
        imageUrl,
        isDefault,
        createdAt: isoAt(created),
        updatedAt: isoAt(created + (7 - index) * day),
        hooksCount,
        download: {
          state,
          downloadedAt: state === 'success' || state === 'failed' ? isoAt(created + day) : null,
          message,
          // A seeded download in progress stays in progress.
          startedAt: null,
        },
      });
    });
    this.nextIds.environment = this.environments.length;
  }

  userByToken(token: string): SimGhesUser | undefined {
    return this.users.find((user) => user.token !== null && user.token === token);
  }

  userByLogin(login: string): SimGhesUser | undefined {
    const lower = login.toLowerCase();
    return this.users.find((user) => user.login.toLowerCase() === lower);
  }

  orgByLogin(login: string): SimGhesOrg | undefined {
    const lower = login.toLowerCase();
    return this.orgs.find((org) => org.login.toLowerCase() === lower);
  }

  /** Whether a login is taken by a user or an organization (logins share one namespace). */
  loginTaken(login: string): boolean {
    return this.userByLogin(login) !== undefined || this.orgByLogin(login) !== undefined;
  }

  takeId(kind: 'hook' | 'org' | 'environment'): number {
    this.nextIds[kind] += 1;
    return this.nextIds[kind];
  }

  /** Counts one request against a token's hourly quota; returns its state after the request. */
  countRequest(token: string, now = Date.now()): { used: number; resetAt: number; limit: number } {
    let entry = this.usage.get(token);
    if (entry === undefined || entry.resetAt <= now) {
      entry = { used: 0, resetAt: now + 3_600_000 };
      this.usage.set(token, entry);
    }
    entry.used++;
    return { ...entry, limit: token === '' ? 60 : hourlyLimit };
  }

  /** Moves started pre-receive downloads on: not_started → in_progress → success. */
  advance(now = Date.now()): void {
    for (const environment of this.environments) {
      const { download } = environment;
      if (download.startedAt === null) continue;
      if (now - download.startedAt >= this.downloadMs) {
        download.state = 'success';
        download.downloadedAt = isoAt(now);
        download.startedAt = null;
      } else if (download.state === 'not_started') {
        download.state = 'in_progress';
      }
    }
  }
}

/** A GitHub-style timestamp (`2024-01-08T09:00:00Z`). */
export function githubTime(ms: number): string {
  return isoAt(ms);
}
