import { createHash } from 'node:crypto';
import { pick, seededRandom } from '../core/ids.js';

const base58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A 22-character base58 id derived from a name, as FlexStack mints them. */
export function base58Id(name: string): string {
  const bytes = createHash('sha256').update(name).digest();
  let id = '';
  for (let i = 0; i < 22; i++) id += base58[(bytes[i] as number) % 58];
  return id;
}

/** A member's role on a project. */
export type ProjectRole = 'owner' | 'contributor' | 'viewer';
/** A person's role in an organization. */
export type OrgRole = 'owner' | 'admin' | 'member';

/** A stored org in the FlexStack simulator. */
export interface SimOrg {
  readonly id: string;
  readonly name: string;
}

/** A person in an organization, who can be added to its projects. */
export interface SimPerson {
  readonly id: string;
  readonly accountId: string;
  readonly orgId: string;
  readonly name: string;
  readonly displayName: string;
  readonly orgRole: OrgRole;
  readonly createdAt: string;
  readonly profile: { bio: string; github: string; location: string; twitter: string; website: string };
}

/** A stored project in the FlexStack simulator. */
export interface SimProject {
  readonly id: string;
  readonly orgId: string;
  name: string;
  description: string | null;
  icon: string | null;
  connectionStatus: 'connected' | 'disconnected' | 'disconnecting';
  defaultEnvironmentId: string | null;
  readonly createdAt: string;
  members: { personId: string; role: ProjectRole; createdAt: string }[];
  integrations: SimIntegration[];
}

/** A stored integration in the FlexStack simulator. */
export interface SimIntegration {
  readonly id: string;
  readonly type: 'slack' | 'webhook';
  config: Record<string, unknown>;
  notifications: Record<string, boolean>;
  readonly createdAt: string;
  updatedAt: string;
}

/** A deployment of a project, seeded or run by the webhook sender. */
export interface SimDeployment {
  readonly id: string;
  readonly projectId: string;
  readonly environmentId: string | null;
  status: 'in_progress' | 'succeeded' | 'failed';
  readonly createdAt: string;
  finishedAt: string | null;
}

/** An API key and the organizations it may read; the first is "its" organization. */
export interface SimKey {
  readonly key: string;
  readonly orgIds: readonly string[];
}

/** The notification switches of an integration, in FlexStack's names. */
export const notificationFlags = [
  'deployments_failed',
  'deployments_in_progress',
  'deployments_succeeded',
  'changelog',
  'promotions',
  'services_alarm',
  'services_ok',
] as const;

const iso = (ms: number): string => new Date(ms).toISOString();

/** The most deployments kept; the oldest go first. */
const maxDeployments = 1_000;

/**
 * The FlexStack simulator's data: two organizations, enough projects in the
 * first for several cursor pages, people with profiles and roles, Slack and
 * webhook notification integrations, and past deployments (none for every
 * fifth project). Deterministic for a seed.
 */
export class FlexStackStore {
  readonly orgs: SimOrg[] = [];
  readonly people: SimPerson[] = [];
  readonly projects: SimProject[] = [];
  readonly keys: SimKey[] = [];
  /** In the order they were added (routes sort them). */
  readonly deployments: SimDeployment[] = [];
  private minted = 0;

  constructor(options: { seed?: number | undefined } = {}) {
    const random = seededRandom(options.seed ?? 5);
    const base = Date.parse('2025-01-10T12:00:00.000Z');
    const acme: SimOrg = { id: base58Id('flex-org:acme'), name: 'acme' };
    const globex: SimOrg = { id: base58Id('flex-org:globex'), name: 'globex' };
    this.orgs.push(acme, globex);
    this.keys.push({ key: 'demo-flexstack-token', orgIds: [acme.id, globex.id] }, { key: 'flex_globex_key', orgIds: [globex.id] });
    const people: [SimOrg, string, string, OrgRole][] = [
      [acme, 'ada', 'Ada Lovelace', 'owner'],
      [acme, 'grace', 'Grace Hopper', 'admin'],
      [acme, 'linus', 'Linus T', 'member'],
      [acme, 'margaret', 'Margaret Hamilton', 'member'],
      [acme, 'ken', 'Ken Thompson', 'member'],
      [acme, 'barbara', 'Barbara Liskov', 'member'],
      [globex, 'hank', 'Hank Scorpio', 'owner'],
      [globex, 'frank', 'Frank Grimes', 'member'],
    ];
    people.forEach(([org, name, displayName, orgRole], index) => {
      this.people.push({
        id: base58Id(`flex-member:${name}`),
        accountId: base58Id(`flex-account:${name}`),
        orgId: org.id,
        name,
        displayName,
        orgRole,
        createdAt: iso(base - (10 - index) * 86_400_000),
        profile: { bio: `${displayName} builds things`, github: name, location: 'Earth', twitter: `@${name}`, website: `https://${name}.example.com` },
      });
    });
    const icons = ['icon:rocket', 'emoji:🚀', 'url:https://cdn.example.com/logo.png', null];
    for (let i = 1; i <= 45; i++) this.addSeeded(acme, `service-${String(i).padStart(2, '0')}`, base + i * 3_600_000, pick(random, icons), random);
    for (const [i, name] of ['ledger', 'payroll', 'reports'].entries()) this.addSeeded(globex, name, base + i * 7_200_000, 'icon:bank', random);
  }

  private addSeeded(org: SimOrg, name: string, createdMs: number, icon: string | null, random: () => number): void {
    const orgPeople = this.people.filter((person) => person.orgId === org.id);
    const index = this.projects.length;
    const project: SimProject = {
      id: base58Id(`flex-project:${org.name}/${name}`),
      orgId: org.id,
      name,
      description: `The ${name} project`,
      icon,
      connectionStatus: index % 7 === 3 ? 'disconnected' : 'connected',
      defaultEnvironmentId: base58Id(`flex-env:${org.name}/${name}/production`),
      createdAt: iso(createdMs),
      members: orgPeople.slice(0, 2 + Math.floor(random() * (orgPeople.length - 1))).map((person, position) => ({
        personId: person.id,
        role: position === 0 ? 'owner' : position % 2 === 1 ? 'contributor' : 'viewer',
        createdAt: iso(createdMs + (position + 1) * 60_000),
      })),
      integrations: [],
    };
    if (index % 3 === 0) {
      project.integrations.push(this.integration(project, 'slack', { channel: '#deploys', workspace: org.name }, createdMs + 120_000));
      project.integrations.push(this.integration(project, 'webhook', { url: `https://hooks.example.com/${name}` }, createdMs + 180_000));
    }
    this.projects.push(project);
    const deployments = index % 5 === 4 ? 0 : 1 + (index % 3);
    for (let k = 0; k < deployments; k++) {
      const startMs = createdMs + (k + 1) * 86_400_000;
      this.addDeployment({
        id: base58Id(`flex-deployment:${project.id}:seed:${k}`),
        projectId: project.id,
        environmentId: project.defaultEnvironmentId,
        // The newest of every fourth project failed.
        status: k === deployments - 1 && index % 4 === 3 ? 'failed' : 'succeeded',
        createdAt: iso(startMs),
        // Not from `random`: the other seeded data stays as it was.
        finishedAt: iso(startMs + 90_000 + ((index * 7 + k * 13) % 180) * 1_000),
      });
    }
  }

  /** Keeps a deployment, dropping the oldest past {@link maxDeployments}. */
  addDeployment(deployment: SimDeployment): void {
    this.deployments.push(deployment);
    if (this.deployments.length > maxDeployments) this.deployments.shift();
  }

  /** A new integration with FlexStack's defaults for flags not given. */
  integration(project: SimProject, type: SimIntegration['type'], config: Record<string, unknown>, createdMs: number, flags: Record<string, boolean> = {}): SimIntegration {
    const notifications: Record<string, boolean> = {};
    for (const flag of notificationFlags) notifications[flag] = flags[flag] ?? flag.startsWith('deployments_');
    return {
      id: base58Id(`flex-integration:${project.id}:${project.integrations.length}:${this.minted++}`),
      type,
      config,
      notifications,
      createdAt: iso(createdMs),
      updatedAt: iso(createdMs),
    };
  }

  /** A fresh id for a created object. */
  newId(kind: string): string {
    this.minted++;
    return base58Id(`flex-new:${kind}:${this.minted}`);
  }

  keyOf(key: string): SimKey | undefined {
    return this.keys.find((candidate) => candidate.key === key);
  }
}
