import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const store = () => t.simulators.circleci.store;

describe('CircleCI pipeline reads through GraphQL', () => {
  it('lists an organization\'s pipelines, newest first, fetching each project once', async () => {
    const result = await t.gql(`{ circleciPipelines(orgSlug: "gh/acme", first: 20) { edges { node { projectSlug createdAt project { slug } } } pageInfo { hasNextPage } } }`);
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.['circleciPipelines'].edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(20);
    const times = nodes.map((n: any) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    for (const node of nodes) expect(node.project.slug).toBe(node.projectSlug);
    const requests = await t.requests('circleci');
    const list = requests.filter((r) => r.path === '/api/v2/pipeline');
    expect(list).toHaveLength(1);
    expect(list[0]?.query['org-slug']).toBe('gh/acme');
    const slugs = new Set(nodes.map((n: any) => n.projectSlug));
    const projectCalls = requests.filter((r) => /^\/api\/v2\/project\/gh\/acme\/[^/]+$/.test(r.path));
    expect(projectCalls).toHaveLength(slugs.size);
  });

  it('passes mine=true and keeps only the user\'s own pipelines', async () => {
    const result = await t.gql(`{ circleciPipelines(orgSlug: "gh/acme", mine: true, first: 50) { edges { node { trigger { actorLogin } } } } }`, undefined, {
      'x-circleci-token': 'circleci-token-grace',
    });
    expect(result.errors).toBeUndefined();
    const edges = result.data?.['circleciPipelines'].edges;
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) expect(edge.node.trigger.actorLogin).toBe('grace');
    expect((await t.requests('circleci')).find((r) => r.path === '/api/v2/pipeline')?.query['mine']).toBe('true');
  });

  it('reads a project\'s own pipelines, one by number with its config, and the latest', async () => {
    const result = await t.gql(`{
      circleciProject(slug: "gh/acme/web") {
        myPipelines(first: 50) { edges { node { number trigger { actorLogin } } } }
        pipeline(number: 3) { number config { source compiled } }
        none: pipeline(number: 999) { number }
        latestPipeline { number }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const project = result.data?.['circleciProject'];
    for (const edge of project.myPipelines.edges) expect(edge.node.trigger.actorLogin).toBe('ada');
    expect(project.myPipelines.edges.length).toBe(store().pipelines.filter((p) => p.projectSlug === 'gh/acme/web' && p.actor === 'ada').length);
    expect(project.pipeline.number).toBe(3);
    expect(project.pipeline.config.source).toContain('version: 2.1');
    expect(project.pipeline.config.compiled).toContain('# Compiled by CircleCI');
    expect(project.none).toBeNull();
    expect(project.latestPipeline.number).toBe(12);
    const paths = (await t.requests('circleci')).map((r) => r.path);
    expect(paths).toContain('/api/v2/project/gh/acme/web/pipeline/mine');
    expect(paths).toContain('/api/v2/project/gh/acme/web/pipeline/3');
  });
});
