import { readFileSync } from 'node:fs';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { defaultLimits } from '../../src/config/limitSettings.js';
import type { ServiceName } from '../../src/config/ServiceName.js';
import { estimateOperation } from '../../src/limits/upstreamEstimate.js';
import { fromGlobalId } from '../../src/relay/globalId.js';
import { createSchema } from '../../src/schema/createSchema.js';
import { createGateway, type Gateway } from '../../src/server/createGateway.js';
import type { LoggedRequest } from '../../src/simulators/core/Simulator.js';
import { webhookState } from '../../src/simulators/circleci/admin/webhooks.js';
import { startDemo, type Demo } from '../../src/simulators/startDemo.js';

const dashboard = readFileSync(new URL('../../examples/dashboard.graphql', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const apiDoc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');

interface Card {
  readonly id: string;
  readonly service: string;
  readonly name: string;
  readonly members: { totalCount: number | null; edges: { node: { name: string; role: string } }[] } | null;
  readonly webhooks: { edges: { node: { url: string; events: string[]; active: boolean } }[] } | null;
  readonly latestPipeline: { number: number | null; status: string; runState: string | null; createdAt: string | null } | null;
}

/** What the simulators hold that the demo's timers can change while the query runs. */
interface Moving {
  readonly deployments: ReadonlyMap<string, ReturnType<typeof newestDeployment>>;
  readonly pipeline: number;
}

let demo: Demo;
let gateway: Gateway;
let answer: { data?: { projects: { edges: { node: Card }[]; failedServices: string[] }; circleciProject: Card }; errors?: unknown };
let cards: Card[];
let circleci: Card;
let logs: Record<'gitlab' | 'concord' | 'flexstack' | 'circleci' | 'ghes', LoggedRequest[]>;
// The demo's timers may start a FlexStack deployment or a CircleCI pipeline while the query runs: either state is right.
let before: Moving;
let after: Moving;

beforeAll(async () => {
  // No service URL: demo mode, as `npm start` runs it.
  const config = loadConfig({ LOG_LEVEL: 'error' });
  expect(config.demo).toBe(true);
  demo = await startDemo(config);
  gateway = await createGateway({ config: demo.config });
  const url = await gateway.listen(0, '127.0.0.1');
  demo.deliverWebhooksTo(new URL(url).origin);

  before = moving();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: dashboard }) });
  answer = (await response.json()) as typeof answer;
  after = moving();
  cards = answer.data?.projects.edges.map((edge) => edge.node) ?? [];
  circleci = answer.data?.circleciProject as Card;
  const services = ['gitlab', 'concord', 'flexstack', 'circleci', 'ghes'] as const;
  logs = Object.fromEntries(await Promise.all(services.map(async (service) => [service, await requests(service)] as const))) as typeof logs;
});
afterAll(async () => {
  await gateway.stop();
  await demo.close();
});

async function requests(service: ServiceName): Promise<LoggedRequest[]> {
  const simulator = demo.simulators.byService[service];
  if (simulator === undefined) throw new Error(`no ${service} simulator`);
  return (await (await fetch(`${simulator.origin}/__sim/requests`)).json()) as LoggedRequest[];
}

/** The native key in a global id. */
const keyOf = (card: Card): string => fromGlobalId(card.id).key;
const names = (connection: { edges: { node: { name: string } }[] } | null): string[] => connection?.edges.map((edge) => edge.node.name) ?? [];
/** A latest pipeline without its run state, to compare with the simulator's record (the run state has its own tests). */
const run = (pipeline: Card['latestPipeline']): Omit<NonNullable<Card['latestPipeline']>, 'runState'> | null =>
  pipeline === null ? null : { number: pipeline.number, status: pipeline.status, createdAt: pipeline.createdAt };
const urls = (connection: { edges: { node: { url: string } }[] } | null): string[] => connection?.edges.map((edge) => edge.node.url).sort() ?? [];

/** The newest FlexStack deployment of a project now, as the dashboard shows it. */
function newestDeployment(projectId: string): { number: null; status: string; createdAt: string } | null {
  const newest = demo.simulators.flexstack.store.deployments.filter((d) => d.projectId === projectId).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return newest === undefined ? null : { number: null, status: newest.status, createdAt: newest.createdAt };
}

/** The newest CircleCI pipeline number of a project now. */
function newestPipelineNumber(slug: string): number {
  return Math.max(...demo.simulators.circleci.store.pipelines.filter((p) => p.projectSlug === slug).map((p) => p.number));
}

/** The CircleCI pipeline the dashboard showed as the latest. */
function circleciPipelineId(): string | undefined {
  return demo.simulators.circleci.store.pipelines.find((p) => p.projectSlug === keyOf(circleci) && p.number === circleci.latestPipeline?.number)?.id;
}

function moving(): Moving {
  return {
    deployments: new Map(demo.simulators.flexstack.store.projects.map((p) => [p.id, newestDeployment(p.id)])),
    pipeline: newestPipelineNumber('gh/acme/api'),
  };
}

describe('the README dashboard in demo mode', () => {
  it('answers every service\'s projects with no error, in one query with no per-service fragment', () => {
    expect(dashboard).not.toMatch(/\.\.\.\s*on\b/);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.projects.failedServices).toEqual([]);
    expect(new Set(cards.map((card) => card.service))).toEqual(new Set(['GITLAB', 'CONCORD', 'FLEXSTACK']));
    expect(circleci.service).toBe('CIRCLECI');
  });

  it('shows GitLab members, hooks and the default branch\'s latest pipeline', () => {
    const store = demo.simulators.gitlab.store;
    const gitlab = cards.filter((card) => card.service === 'GITLAB');
    for (const card of gitlab) {
      const id = Number(keyOf(card));
      const members = store.members.filter((m) => m.projectId === id);
      expect(card.members?.totalCount, card.name).toBe(members.length);
      const memberNames = members.map((m) => store.users.find((u) => u.id === m.userId)?.name);
      expect(names(card.members)).toHaveLength(Math.min(5, members.length));
      for (const name of names(card.members)) expect(memberNames).toContain(name);
      expect(urls(card.webhooks), card.name).toEqual(store.hooks.filter((h) => h.projectId === id).map((h) => h.url).sort());
      const project = store.projects.find((p) => p.id === id);
      const latest = store.pipelines.filter((p) => p.projectId === id && p.ref === project?.defaultBranch).at(-1);
      expect(run(card.latestPipeline), card.name).toEqual(latest === undefined ? null : { number: latest.iid, status: latest.status, createdAt: latest.createdAt });
    }
    expect(gitlab.some((card) => (card.webhooks?.edges.length ?? 0) > 0 && card.latestPipeline !== null)).toBe(true);
  });

  it('shows Concord team access as members, no webhooks, and the newest process', () => {
    const store = demo.simulators.concord.store;
    const concord = cards.filter((card) => card.service === 'CONCORD');
    expect(concord.some((card) => card.latestPipeline !== null)).toBe(true);
    for (const card of concord) {
      const [org, name] = keyOf(card).split('/');
      const orgId = store.orgs.find((o) => o.name === org)?.id;
      const project = store.projects.find((p) => p.orgId === orgId && p.name === name);
      const access = [...(project?.access ?? new Map())].map(([teamId, level]) => ({ name: store.teams.find((team) => team.id === teamId)?.name, role: level }));
      expect(card.members?.totalCount, card.name).toBe(access.length);
      expect(card.members?.edges).toHaveLength(Math.min(5, access.length));
      for (const edge of card.members?.edges ?? []) expect(access).toContainEqual(edge.node);
      expect(card.webhooks).toEqual({ edges: [] });
      const newest = store.processes.filter((p) => p.projectId === project?.id).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      expect(run(card.latestPipeline), card.name).toEqual(newest === undefined ? null : { number: null, status: newest.status, createdAt: newest.createdAt });
    }
  });

  it('shows FlexStack collaborators, webhook integrations and the latest deployment', () => {
    const store = demo.simulators.flexstack.store;
    const flexstack = cards.filter((card) => card.service === 'FLEXSTACK');
    for (const card of flexstack) {
      const project = store.projects.find((p) => p.id === keyOf(card));
      const people = project?.members.map((m) => store.people.find((p) => p.id === m.personId)?.displayName) ?? [];
      expect(names(card.members), card.name).toEqual(people.slice(0, 5));
      const webhooks = project?.integrations.filter((i) => i.type === 'webhook').map((i) => String(i.config['url'])) ?? [];
      expect(urls(card.webhooks), card.name).toEqual(webhooks.sort());
      expect([before.deployments.get(project?.id ?? ''), after.deployments.get(project?.id ?? '')], card.name).toContainEqual(run(card.latestPipeline));
    }
    expect(flexstack.some((card) => (card.webhooks?.edges.length ?? 0) > 0 && card.latestPipeline !== null)).toBe(true);
  });

  it('shows a CircleCI project\'s webhooks and newest pipeline, and no members', () => {
    const store = demo.simulators.circleci.store;
    const project = store.projects.find((p) => p.slug === keyOf(circleci));
    const webhooks = webhookState(store).webhooks.filter((w) => w.scopeId === project?.id);
    expect(webhooks.length).toBeGreaterThan(0);
    expect(circleci.members).toEqual({ totalCount: 0, edges: [] });
    expect(urls(circleci.webhooks)).toEqual(webhooks.map((w) => w.url).sort());
    expect([before.pipeline, after.pipeline]).toContain(circleci.latestPipeline?.number);
  });

  it('gives every latest pipeline a run state in the shared vocabulary, whatever its service calls it', () => {
    const runs = [...cards, circleci].flatMap((card) => (card.latestPipeline === null ? [] : [[card.service, card.latestPipeline.status, card.latestPipeline.runState]]));
    expect(new Set(runs.map(([service]) => service))).toEqual(new Set(['GITLAB', 'CONCORD', 'FLEXSTACK', 'CIRCLECI']));
    for (const [service, status, runState] of runs) expect(['PENDING', 'RUNNING', 'BLOCKED', 'SUCCEEDED', 'FAILED', 'CANCELED', 'SKIPPED'], `${service} ${status}`).toContain(runState);
  });

  it('reads each upstream resource once: a list per service, then each project\'s members, hooks and latest pipeline', () => {
    const all = Object.values(logs).flat();
    // No resource read twice: every path and query sent once.
    const resources = all.map((r) => `${r.method} ${r.path} ${JSON.stringify(Object.entries(r.query).sort())}`);
    expect(new Set(resources).size).toBe(resources.length);
    // And nothing read per item: only lists, and each listed project's own lists and latest run.
    const read = (log: readonly LoggedRequest[]): string[] => log.map((r) => `${r.method} ${r.path}`).sort();
    const of = (service: string): Card[] => cards.filter((card) => card.service === service);
    const gitlab = of('GITLAB').flatMap((card) => ['members', 'hooks', 'pipelines/latest'].map((what) => `GET /api/v4/projects/${keyOf(card)}/${what}`));
    const concord = of('CONCORD').flatMap((card) => [`GET /api/v1/org/${keyOf(card).replace('/', '/project/')}/access`, 'GET /api/v2/process']);
    const flexstack = of('FLEXSTACK').flatMap((card) => ['members', 'integrations/notifications', 'deployments'].map((what) => `GET /v1/projects/${keyOf(card)}/${what}`));
    const slug = keyOf(circleci);
    expect({
      gitlab: read(logs.gitlab),
      concord: read(logs.concord),
      flexstack: read(logs.flexstack),
      circleci: read(logs.circleci),
      ghes: read(logs.ghes),
    }).toEqual({
      gitlab: ['GET /api/v4/projects', ...gitlab].sort(),
      concord: ['GET /api/v1/org/Default/project', ...concord].sort(),
      flexstack: ['GET /v1/projects', ...flexstack].sort(),
      // The latest pipeline's run state is read from its workflows.
      circleci: [`GET /api/v2/project/${slug}`, `GET /api/v2/project/${slug}/pipeline`, 'GET /api/v2/webhook', `GET /api/v2/pipeline/${circleciPipelineId()}/workflow`].sort(),
      ghes: [],
    });
  });

  it('is estimated at the calls docs/api.md states, no fewer than it made (as many as the README says), far within the default limit', () => {
    const document = parse(dashboard);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    if (operation === undefined) throw new Error('no operation');
    const estimate = estimateOperation(createSchema(), operation, fragments, {}).upstreamCalls;
    const made = Object.values(logs).reduce((sum, log) => sum + log.length, 0);
    expect(estimate).toBeGreaterThanOrEqual(made);
    expect(apiDoc.replace(/\s+/g, ' ')).toContain(`The README's Dashboard is estimated at ${estimate} upstream calls (it makes ${made} on the demo data`);
    expect(readme.replace(/\s+/g, ' ')).toContain(`On the demo data this query makes ${made} upstream calls, each list read once.`);
    expect(estimate * 10).toBeLessThanOrEqual(defaultLimits.maxUpstreamCalls);
  });
});
