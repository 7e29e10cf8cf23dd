import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const logged = async (): Promise<{ method: string; path: string; query: Record<string, string | string[]>; at: string }[]> => t.requests('circleci');

const t = useTestGateway();

const pipelinesQuery = `query ($slug: String!) { circleciProject(slug: $slug) { name pipelines(first: 2) { edges { node { number } } } } }`;

describe('a project and the lists that need only its key', () => {
  it('asks for the pipelines while the project is still on its way, not after it', async () => {
    await t.fault('circleci', { method: 'GET', path: '/project/gh/acme/api$', latencyMs: 600, times: 1 });
    const result = await t.gql(pipelinesQuery, { slug: 'gh/acme/api' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['circleciProject'].name).toBe('api');
    expect(result.data?.['circleciProject'].pipelines.edges).toHaveLength(2);
    const log = await logged();
    expect(log.map((r) => r.path).sort()).toEqual(['/api/v2/project/gh/acme/api', '/api/v2/project/gh/acme/api/pipeline']);
    const at = (suffix: string): number => Date.parse(log.find((r) => r.path.endsWith(suffix))?.at ?? '');
    // Sent one after the other, the pipelines would arrive only once the slow project had answered.
    expect(Math.abs(at('/pipeline') - at('/gh/acme/api'))).toBeLessThan(300);
  });

  it('does the same for a pipeline by id and its workflows', async () => {
    const listed = await t.gql(`{ circleciProject(slug: "gh/acme/api") { pipelines(first: 1) { edges { node { pipelineId } } } } }`);
    const id = listed.data?.['circleciProject'].pipelines.edges[0].node.pipelineId as string;
    await t.clearRequests();
    await t.fault('circleci', { method: 'GET', path: `/pipeline/${id}$`, latencyMs: 600, times: 1 });
    const result = await t.gql(`query ($id: ID!) { circleciPipeline(id: $id) { pipelineId workflows { edges { node { name } } } } }`, { id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['circleciPipeline'].pipelineId).toBe(id);
    const log = await logged();
    expect(log.map((r) => r.path).sort()).toEqual([`/api/v2/pipeline/${id}`, `/api/v2/pipeline/${id}/workflow`]);
    const at = (suffix: string): number => Date.parse(log.find((r) => r.path.endsWith(suffix))?.at ?? '');
    expect(Math.abs(at('/workflow') - at(id))).toBeLessThan(300);
  });

  it('still answers null for a missing project, whatever its early-started lists got', async () => {
    const result = await t.gql(pipelinesQuery, { slug: 'gh/acme/nope' });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ circleciProject: null });
  });

  it('reports the project\'s own failure once, not the failure of a list started with it', async () => {
    await t.fault('circleci', { method: 'GET', path: '/project/gh/acme/api(/pipeline)?$', status: 500 });
    const result = await t.gql(pipelinesQuery, { slug: 'gh/acme/api' });
    expect(result.data).toEqual({ circleciProject: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({ path: ['circleciProject'], extensions: { code: 'UPSTREAM_ERROR', status: 500 } });
  });

  it('starts fields selected through fragments, with their arguments, and skips what @skip/@include leave out', async () => {
    const result = await t.gql(
      `query ($withSchedules: Boolean!) {
        circleciProject(slug: "gh/acme/api") {
          ...Lists
          ... on CircleCIProject { envVars { edges { node { name } } } }
        }
      }
      fragment Lists on CircleCIProject {
        pipelines(first: 1, branch: "main") @skip(if: true) { edges { node { number } } }
        schedules @include(if: $withSchedules) { edges { node { name } } }
        settings { autocancelBuilds }
      }`,
      { withSchedules: false },
    );
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data?.['circleciProject'] ?? {}).sort()).toEqual(['envVars', 'settings']);
    const paths = (await logged()).map((r) => r.path).sort();
    expect(paths).toEqual(['/api/v2/project/gh/acme/api', '/api/v2/project/gh/acme/api/envvar', '/api/v2/project/gh/acme/api/settings']);
  });

  it('sends each upstream GET once when a field is started early and resolved later', async () => {
    const result = await t.gql(
      `{ circleciProject(slug: "gh/acme/api") { a: pipelines(first: 2) { edges { node { number } } } b: pipelines(first: 2) { edges { node { number } } } latestPipeline { number } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['circleciProject'].a).toEqual(result.data?.['circleciProject'].b);
    const paths = (await logged()).map((r) => `${r.path}?${JSON.stringify(r.query)}`);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

/** The project's own GET is held this long; a list started with it arrives long before that. */
const heldMs = 1_000;

/**
 * When the CircleCI simulator saw the project's GET and its pipeline list,
 * after one query with the project's answer held back.
 */
async function arrivals(query: string): Promise<{ project: number | undefined; pipelines: number | undefined; data: unknown }> {
  await t.fault('circleci', { method: 'GET', path: '/project/gh/acme/api$', latencyMs: heldMs, times: 1 });
  const result = await t.gql(query);
  expect(result.errors).toBeUndefined();
  const log = await t.requests('circleci');
  const at = (path: string): number | undefined => {
    const found = log.find((request) => request.method === 'GET' && request.path === path);
    return found === undefined ? undefined : Date.parse(found.at);
  };
  return { project: at('/api/v2/project/gh/acme/api'), pipelines: at('/api/v2/project/gh/acme/api/pipeline'), data: result.data };
}

describe('a project\'s lists start with the project, whichever way they are selected', () => {
  it.each([
    ['as a field of the project', '{ circleciProject(slug: "gh/acme/api") { latestPipeline { number } } }'],
    ['in a fragment on the Project interface', '{ circleciProject(slug: "gh/acme/api") { ...Card } } fragment Card on Project { latestPipeline { number } }'],
    ['in an inline fragment on the Project interface', '{ circleciProject(slug: "gh/acme/api") { ... on Project { latestPipeline { number } } } }'],
    ['in a fragment on the project\'s own type', '{ circleciProject(slug: "gh/acme/api") { ...Card } } fragment Card on CircleCIProject { latestPipeline { number } }'],
  ])('%s: the pipeline list is asked for while the project is still on its way', async (_how, query) => {
    const { project, pipelines, data } = await arrivals(query);
    expect(data).toMatchObject({ circleciProject: { latestPipeline: { number: expect.any(Number) } } });
    expect(project).toBeDefined();
    expect(pipelines).toBeDefined();
    // Started one after the other, the list would arrive once the project had answered, a whole hold later.
    expect((pipelines as number) - (project as number)).toBeLessThan(heldMs / 2);
  });
});
