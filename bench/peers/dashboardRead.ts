/**
 * Read (b) of the peers benchmark: the README's dashboard query (projects of
 * GitLab, Concord and FlexStack taking turns, and a CircleCI project by slug,
 * each with its members, webhooks and latest pipeline).
 */
import { readFileSync } from 'node:fs';
import { request, type Agent } from 'undici';
import { getJson } from '../measure.js';
import { required, type GraphqlForm, type Read, type Upstreams } from './Read.js';

const first = 10;
const shown = 5;
const slug = 'gh/acme/api';
const concordOrg = 'Default';

interface Latest {
  readonly number: number | null;
  readonly status: string;
  readonly createdAt: string | null;
}

/** One project as the summary holds it. */
interface ProjectSummary {
  readonly service: string;
  readonly name: string;
  /** Member or team names, in order. */
  readonly members: readonly string[];
  readonly webhooks: readonly string[];
  readonly latest: Latest | null;
}

const summary = (projects: readonly ProjectSummary[]): string =>
  projects
    .map(
      (p) =>
        `${p.service.toLowerCase()} ${p.name} [${p.members.join(', ')}] hooks [${p.webhooks.join(', ')}] ` +
        (p.latest === null ? 'no pipeline' : `#${p.latest.number ?? '-'} ${p.latest.status} ${p.latest.createdAt ?? '-'}`),
    )
    .join('\n');

/** The dashboard query, as the README shows it. */
function readmeDashboard(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const query = /```graphql\n(query Dashboard \{[\s\S]*?)```/.exec(readme)?.[1];
  if (query === undefined) throw new Error('README.md has no `query Dashboard` block');
  return query;
}

/** Takes one item from each list in turn, as the gateway's merged `projects` does, up to `count`. */
function takeTurns<T>(lists: readonly (readonly T[])[], count: number): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < count && lists.some((list) => i < list.length); i++) {
    for (const list of lists) {
      const item = list[i];
      if (item !== undefined && out.length < count) out.push(item);
    }
  }
  return out;
}

/** A GET whose `absent` status means "none" (GitLab answers 403 for a branch without pipelines). */
async function getJsonOr(agent: Agent, url: string, headers: Record<string, string>, absent: number): Promise<unknown> {
  const response = await request(url, { dispatcher: agent, headers });
  const body = await response.body.json();
  if (response.statusCode === absent) return null;
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${JSON.stringify(body).slice(0, 200)}`);
  return body;
}

type Pending = { readonly service: 'GITLAB'; readonly id: number; readonly name: string } | { readonly service: 'CONCORD' | 'FLEXSTACK'; readonly id: string; readonly name: string };

/** Describes the dashboard read on the targets that can express it. */
export function dashboardRead(upstreams: Upstreams): Read {
  const url = (service: string): string => required(upstreams.urls, service);
  const token = (service: string): string => required(upstreams.tokens, service);
  const gitlab = { 'private-token': token('gitlab'), accept: 'application/json' };
  const concord = { authorization: token('concord'), accept: 'application/json' };
  const flexstack = { 'x-api-key': token('flexstack'), accept: 'application/json' };
  const circleci = { 'circle-token': token('circleci'), accept: 'application/json' };
  const perService = Math.ceil(first / 3) + 1;

  /** One project's members, webhooks and latest pipeline, side by side. */
  const details = async (agent: Agent, p: Pending): Promise<ProjectSummary> => {
    if (p.service === 'GITLAB') {
      const base = `${url('gitlab')}/projects/${p.id}`;
      const [members, hooks, latest] = await Promise.all([
        getJson(agent, `${base}/members?per_page=${shown}`, gitlab) as Promise<{ name: string }[]>,
        getJson(agent, `${base}/hooks?per_page=${shown}`, gitlab) as Promise<{ url: string }[]>,
        getJsonOr(agent, `${base}/pipelines/latest`, gitlab, 403) as Promise<{ iid: number; status: string; created_at: string } | null>,
      ]);
      return {
        service: p.service,
        name: p.name,
        members: members.map((m) => m.name),
        webhooks: hooks.map((h) => h.url),
        latest: latest === null ? null : { number: latest.iid, status: latest.status, createdAt: latest.created_at },
      };
    }
    if (p.service === 'CONCORD') {
      const [access, processes] = await Promise.all([
        getJson(agent, `${url('concord')}/v1/org/${concordOrg}/project/${p.id}/access`, concord) as Promise<{ teamName: string }[]>,
        getJson(agent, `${url('concord')}/v2/process?orgName=${concordOrg}&projectName=${p.id}&limit=1&offset=0`, concord) as Promise<{ status: string; createdAt: string }[]>,
      ]);
      const process = processes[0];
      return {
        service: p.service,
        name: p.name,
        members: access.slice(0, shown).map((a) => a.teamName),
        webhooks: [],
        latest: process === undefined ? null : { number: null, status: process.status, createdAt: process.createdAt },
      };
    }
    const base = `${url('flexstack')}/projects/${p.id}`;
    const [members, integrations, deployments] = await Promise.all([
      getJson(agent, `${base}/members?limit=${shown}`, flexstack) as Promise<{ data: { display_name: string }[] }>,
      getJson(agent, `${base}/integrations/notifications`, flexstack) as Promise<{ type: string; config: { url?: string } }[]>,
      getJson(agent, `${base}/deployments?limit=1&sort=-created_at`, flexstack) as Promise<{ data: { status: string; created_at: string }[] }>,
    ]);
    const deployment = deployments.data[0];
    return {
      service: p.service,
      name: p.name,
      members: members.data.map((m) => m.display_name),
      webhooks: integrations
        .filter((i) => i.type === 'webhook')
        .slice(0, shown)
        .map((i) => i.config.url ?? ''),
      latest: deployment === undefined ? null : { number: null, status: deployment.status, createdAt: deployment.created_at },
    };
  };

  /** The projects list: each service's first page side by side, then every project's details side by side. */
  const projects = async (agent: Agent): Promise<ProjectSummary[]> => {
    const [gitlabList, concordList, flexstackList] = await Promise.all([
      getJson(agent, `${url('gitlab')}/projects?pagination=keyset&order_by=id&sort=asc&per_page=${perService}&membership=true`, gitlab) as Promise<{ id: number; name: string }[]>,
      getJson(agent, `${url('concord')}/v1/org/${concordOrg}/project?offset=0&limit=${perService}`, concord) as Promise<{ name: string }[]>,
      getJson(agent, `${url('flexstack')}/projects?limit=${perService}&sort=%2Bcreated_at`, flexstack) as Promise<{ data: { id: string; name: string }[] }>,
    ]);
    const page = takeTurns<Pending>(
      [
        gitlabList.map((p) => ({ service: 'GITLAB' as const, id: p.id, name: p.name })),
        concordList.map((p) => ({ service: 'CONCORD' as const, id: p.name, name: p.name })),
        flexstackList.data.map((p) => ({ service: 'FLEXSTACK' as const, id: p.id, name: p.name })),
      ],
      first,
    );
    return Promise.all(page.map((p) => details(agent, p)));
  };

  /** The CircleCI project, then its webhooks (by its id); its pipelines beside both. */
  const circleciProject = async (agent: Agent): Promise<ProjectSummary> => {
    const base = url('circleci');
    const [project, pipelines] = await Promise.all([
      getJson(agent, `${base}/project/${slug}`, circleci) as Promise<{ id: string; name: string }>,
      getJson(agent, `${base}/project/${slug}/pipeline`, circleci) as Promise<{ items: { number: number; state: string; created_at: string }[] }>,
    ]);
    const webhooks = (await getJson(agent, `${base}/webhook?scope-id=${project.id}&scope-type=project`, circleci)) as { items: { url: string }[] };
    const latest = pipelines.items[0];
    return {
      service: 'CIRCLECI',
      name: project.name,
      members: [],
      webhooks: webhooks.items.slice(0, shown).map((w) => w.url),
      latest: latest === undefined ? null : { number: latest.number, status: latest.state, createdAt: latest.created_at },
    };
  };

  /** The dashboard as Switchyard answers it (and bench/floor, in the same shape). */
  const switchyardForm: GraphqlForm = {
    body: JSON.stringify({ query: readmeDashboard() }),
    summarize(data) {
      type Card = {
        service: string;
        name: string;
        members: { edges: { node: { name: string } }[] } | null;
        webhooks: { edges: { node: { url: string } }[] } | null;
        latestPipeline: Latest | null;
      };
      const answer = data as { projects: { edges: { node: Card }[]; failedServices: string[] }; circleciProject: Card };
      if (answer.projects.failedServices.length > 0) throw new Error(`failed services: ${answer.projects.failedServices.join(', ')}`);
      const toSummary = (card: Card): ProjectSummary => ({
        service: card.service,
        name: card.name,
        members: card.members?.edges.map((e) => e.node.name) ?? [],
        webhooks: card.webhooks?.edges.map((e) => e.node.url) ?? [],
        latest: card.latestPipeline,
      });
      return summary([...answer.projects.edges.map(({ node }) => toSummary(node)), toSummary(answer.circleciProject)]);
    },
  };

  return {
    name: 'dashboard',
    title: `README dashboard query: ${first} projects of GitLab, Concord, FlexStack taking turns and ${slug}, each with members, webhooks and latest pipeline`,
    depth: 2,
    async direct(agent) {
      const [page, project] = await Promise.all([projects(agent), circleciProject(agent)]);
      return summary([...page, project]);
    },
    forms: {
      switchyard: switchyardForm,
      // bench/floor makes the same calls and answers in the same shape, with no GraphQL at all.
      floor: switchyardForm,
    },
    unsupported:
      'Hive Gateway here composes CircleCI only, and neither it nor a Tailcall @http schema has a list merged across services with shared cursors and failedServices',
  };
}
