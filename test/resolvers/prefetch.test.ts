import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

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
