import { seededRandom, pick, stableUuid } from '../core/ids.js';

/** A team's access to a project. */
export type AccessLevel = 'READER' | 'WRITER' | 'OWNER';

/** A Concord user and the API key that authenticates as them. */
export interface SimUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly apiKey: string;
  /** Admins write anywhere; other users only read. */
  readonly admin: boolean;
}

/** A stored org in the Concord simulator. */
export interface SimOrg {
  readonly id: string;
  readonly name: string;
}

/** A stored team in the Concord simulator. */
export interface SimTeam {
  readonly id: string;
  readonly orgId: string;
  readonly name: string;
}

/** A stored project in the Concord simulator. */
export interface SimProject {
  readonly id: string;
  name: string;
  orgId: string;
  description?: string;
  visibility: 'PUBLIC' | 'PRIVATE';
  ownerId: string;
  rawPayloadMode: string;
  outVariablesMode: string;
  processExecMode: string;
  meta?: Record<string, unknown>;
  cfg: Record<string, unknown>;
  createdAt: string;
  /** Team id → level. */
  access: Map<string, AccessLevel>;
}

/** A process: one run of a project's flow. */
export interface SimProcess {
  readonly instanceId: string;
  readonly projectId: string;
  readonly kind: string;
  readonly initiator: string;
  status: string;
  readonly createdAt: string;
  lastUpdatedAt: string;
}

const defaultProjectNames = [
  'analytics', 'api-gateway', 'billing', 'catalog', 'checkout', 'data-lake', 'deploy-tools', 'email',
  'etl-nightly', 'frontend', 'identity', 'infra', 'inventory', 'ledger', 'metrics', 'mobile-api',
  'notifications', 'orders', 'payments', 'reporting', 'search', 'shipping', 'storefront', 'tax', 'warehouse',
];

/**
 * The Concord simulator's data: organizations (including `Default`) with
 * teams and projects, each project with a configuration object, team access
 * rules and past processes (none for every fourth). Deterministic for a seed.
 */
export class ConcordStore {
  readonly users: SimUser[] = [];
  readonly orgs: SimOrg[] = [];
  readonly teams: SimTeam[] = [];
  readonly projects: SimProject[] = [];
  readonly processes: SimProcess[] = [];

  constructor(options: { seed?: number | undefined } = {}) {
    const random = seededRandom(options.seed ?? 4);
    this.users.push(
      { id: stableUuid('concord-user:admin'), username: 'admin', displayName: 'Concord Admin', apiKey: 'demo-concord-token', admin: true },
      { id: stableUuid('concord-user:viewer'), username: 'viewer', displayName: 'Read Only', apiKey: 'concord-token-viewer', admin: false },
    );
    for (const name of ['Default', 'acme', 'globex']) this.orgs.push({ id: stableUuid(`concord-org:${name}`), name });
    const teamNames: Record<string, string[]> = { Default: ['default', 'developers', 'ops'], acme: ['platform', 'security'], globex: ['finance'] };
    for (const org of this.orgs) {
      for (const team of teamNames[org.name] ?? []) this.teams.push({ id: stableUuid(`concord-team:${org.name}/${team}`), orgId: org.id, name: team });
    }
    const names: Record<string, string[]> = { Default: defaultProjectNames, acme: ['acme-api', 'acme-web', 'acme-jobs'], globex: ['globex-billing'] };
    const base = Date.parse('2025-03-01T08:00:00.000Z');
    let n = 0;
    for (const org of this.orgs) {
      const teams = this.teams.filter((team) => team.orgId === org.id);
      for (const name of names[org.name] ?? []) {
        n++;
        const access = new Map<string, AccessLevel>();
        access.set((teams[0] as SimTeam).id, 'OWNER');
        if (teams.length > 1) access.set(pick(random, teams.slice(1)).id, pick(random, ['READER', 'WRITER'] as const));
        this.projects.push({
          id: stableUuid(`concord-project:${org.name}/${name}`),
          name,
          orgId: org.id,
          description: `The ${name} project`,
          visibility: n % 4 === 0 ? 'PRIVATE' : 'PUBLIC',
          ownerId: (this.users[0] as SimUser).id,
          rawPayloadMode: 'DISABLED',
          outVariablesMode: 'DISABLED',
          processExecMode: 'READERS',
          meta: { tier: n % 3 === 0 ? 'gold' : 'silver' },
          cfg: { arguments: { env: 'dev', replicas: 1 + (n % 3) }, template: { name: 'standard', version: `1.${n}` } },
          createdAt: new Date(base + n * 86_400_000).toISOString(),
          access,
        });
        this.seedProcesses(this.projects.at(-1) as SimProject, n);
      }
    }
  }

  /** `n % 4` processes, six hours apart; the newest of every fifth project still runs, of every third failed. */
  private seedProcesses(project: SimProject, n: number): void {
    const count = n % 4;
    for (let k = 0; k < count; k++) {
      const createdMs = Date.parse(project.createdAt) + (k + 1) * 6 * 3_600_000;
      const newest = k === count - 1;
      const status = newest && n % 5 === 0 ? 'RUNNING' : newest && n % 3 === 0 ? 'FAILED' : 'FINISHED';
      this.processes.push({
        instanceId: stableUuid(`concord-process:${project.id}:${k}`),
        projectId: project.id,
        kind: 'DEFAULT',
        initiator: 'admin',
        status,
        createdAt: new Date(createdMs).toISOString(),
        // Not from the seeded random: the rest of the seed stays as it was.
        lastUpdatedAt: new Date(createdMs + (status === 'RUNNING' ? 0 : (60 + ((n * 7 + k * 11) % 240)) * 1_000)).toISOString(),
      });
    }
  }

  private created = 0;

  /** A fresh project id. */
  newId(): string {
    this.created++;
    return stableUuid(`concord-project:new:${this.created}`);
  }

  userByKey(key: string): SimUser | undefined {
    return this.users.find((user) => user.apiKey === key);
  }

  orgByName(name: string): SimOrg | undefined {
    return this.orgs.find((org) => org.name === name);
  }

  orgById(id: string): SimOrg | undefined {
    return this.orgs.find((org) => org.id === id);
  }

  projectIn(orgId: string, name: string): SimProject | undefined {
    return this.projects.find((project) => project.orgId === orgId && project.name === name);
  }
}
