/**
 * Read (b) of the peers benchmark: the README's dashboard query (projects of
 * GitLab, Concord and FlexStack taking turns, with members, hooks and team
 * access; a CircleCI project's latest pipeline with workflows and jobs).
 */
import { readFileSync } from 'node:fs';
import type { Agent } from 'undici';
import { getJson } from '../measure.js';
import { required, type Read, type Upstreams } from './Read.js';

const first = 10;
const slug = 'gh/acme/api';
const concordOrg = 'Default';

interface Named {
  readonly name: string;
  readonly status: string;
}

/** One project of the merged list as the summary holds it. */
interface ProjectSummary {
  readonly service: string;
  readonly name: string;
  /** Member or team names, in order. */
  readonly members: readonly string[];
  readonly hooks: number;
}

interface PipelineSummary {
  readonly number: number;
  readonly status: string;
  readonly branch: string | null;
  readonly workflows: readonly (Named & { readonly jobs: readonly Named[] })[];
}

const summary = (projects: readonly ProjectSummary[], pipeline: PipelineSummary): string =>
  [
    ...projects.map((p) => `${p.service.toLowerCase()} ${p.name} [${p.members.join(', ')}] hooks ${p.hooks}`),
    `pipeline #${pipeline.number} ${pipeline.status} ${pipeline.branch ?? '-'}: ${pipeline.workflows
      // Statuses compared as CircleCI spells them: the schema's job status is an enum.
      .map((w) => `${w.name} ${w.status.toLowerCase()} (${w.jobs.map((j) => `${j.name} ${j.status.toLowerCase()}`).join(', ')})`)
      .join('; ')}`,
  ].join('\n');

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

  /** The projects list: each service's first page side by side, then every project's members, hooks or access side by side. */
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
    return Promise.all(
      page.map(async (p): Promise<ProjectSummary> => {
        if (p.service === 'GITLAB') {
          const [members, hooks] = await Promise.all([
            getJson(agent, `${url('gitlab')}/projects/${p.id}/members?per_page=5`, gitlab) as Promise<{ name: string }[]>,
            getJson(agent, `${url('gitlab')}/projects/${p.id}/hooks?per_page=20`, gitlab) as Promise<unknown[]>,
          ]);
          return { service: p.service, name: p.name, members: members.map((m) => m.name), hooks: hooks.length };
        }
        if (p.service === 'CONCORD') {
          const access = (await getJson(agent, `${url('concord')}/v1/org/${concordOrg}/project/${p.id}/access`, concord)) as { teamName: string }[];
          return { service: p.service, name: p.name, members: access.map((a) => a.teamName), hooks: 0 };
        }
        const members = (await getJson(agent, `${url('flexstack')}/projects/${p.id}/members?limit=20`, flexstack)) as { data: { display_name: string }[] };
        return { service: p.service, name: p.name, members: members.data.map((m) => m.display_name), hooks: 0 };
      }),
    );
  };

  /** The latest pipeline, then its workflows, then every workflow's jobs side by side. */
  const latestPipeline = async (agent: Agent): Promise<PipelineSummary> => {
    const base = url('circleci');
    const list = (await getJson(agent, `${base}/project/${slug}/pipeline`, circleci)) as { items: { id: string; number: number; state: string; vcs?: { branch?: string } }[] };
    const latest = list.items[0];
    if (latest === undefined) throw new Error(`${slug} has no pipeline`);
    const workflows = (await getJson(agent, `${base}/pipeline/${latest.id}/workflow`, circleci)) as { items: (Named & { id: string })[] };
    const withJobs = await Promise.all(
      workflows.items.map(async (w) => {
        const jobs = (await getJson(agent, `${base}/workflow/${w.id}/job`, circleci)) as { items: Named[] };
        return { name: w.name, status: w.status, jobs: jobs.items.map((j) => ({ name: j.name, status: j.status })) };
      }),
    );
    return { number: latest.number, status: latest.state, branch: latest.vcs?.branch ?? null, workflows: withJobs };
  };

  return {
    name: 'dashboard',
    title: `README dashboard query: ${first} projects of GitLab, Concord, FlexStack taking turns, with members/hooks/team access, + ${slug}'s latest pipeline, workflows, jobs`,
    depth: 3,
    async direct(agent) {
      const [page, pipeline] = await Promise.all([projects(agent), latestPipeline(agent)]);
      return summary(page, pipeline);
    },
    forms: {
      switchyard: {
        body: JSON.stringify({ query: readmeDashboard() }),
        summarize(data) {
          type Member = { node: { name: string } };
          type Node = { service: string; name: string; members?: { edges: Member[] }; hooks?: { edges: unknown[] }; teamAccess?: { edges: Member[] } };
          const answer = data as {
            projects: { edges: { node: Node }[]; failedServices: string[] };
            circleciProject: { latestPipeline: { number: number; status: string; vcs: { branch: string | null } | null; workflows: { edges: { node: Named & { jobs: { edges: { node: Named }[] } } }[] } } };
          };
          if (answer.projects.failedServices.length > 0) throw new Error(`failed services: ${answer.projects.failedServices.join(', ')}`);
          const page = answer.projects.edges.map(({ node }) => ({
            service: node.service,
            name: node.name,
            members: (node.members ?? node.teamAccess)?.edges.map((e) => e.node.name) ?? [],
            hooks: node.hooks?.edges.length ?? 0,
          }));
          const p = answer.circleciProject.latestPipeline;
          return summary(page, {
            number: p.number,
            status: p.status,
            branch: p.vcs?.branch ?? null,
            workflows: p.workflows.edges.map(({ node }) => ({ name: node.name, status: node.status, jobs: node.jobs.edges.map((j) => j.node) })),
          });
        },
      },
    },
    unsupported:
      'Hive Gateway here composes CircleCI only, and neither it nor a Tailcall @http schema has a list merged across services with shared cursors and failedServices',
  };
}
