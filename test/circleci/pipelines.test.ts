import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const projectPipelines = /* GraphQL */ `
  query ($slug: String!, $first: Int, $after: String) {
    circleciProject(slug: $slug) {
      id
      name
      fullName
      pipelines(first: $first, after: $after) {
        edges { cursor node { id number state project { slug } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`;

describe('CircleCI pipelines through GraphQL', () => {
  it('navigates project → pipelines → project, fetching the project once for 20 pipelines', async () => {
    const result = await t.gql(projectPipelines, { slug: 'gh/acme/web', first: 20 });
    expect(result.errors).toBeUndefined();
    const project = result.data?.['circleciProject'];
    expect(project.fullName).toBe('gh/acme/web');
    expect(project.pipelines.edges).toHaveLength(12);
    for (const edge of project.pipelines.edges) expect(edge.node.project.slug).toBe('gh/acme/web');
    const calls = (await t.requests('circleci')).map((r) => `${r.method} ${r.path}`);
    expect(calls.filter((c) => c === 'GET /api/v2/project/gh/acme/web')).toHaveLength(1);
    expect(calls.filter((c) => c === 'GET /api/v2/project/gh/acme/web/pipeline')).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('follows upstream page tokens when first is larger than one upstream page', async () => {
    const result = await t.gql(projectPipelines, { slug: 'gh/acme/api', first: 30 });
    const connection = result.data?.['circleciProject'].pipelines;
    expect(connection.edges.map((e: any) => e.node.number)).toEqual(Array.from({ length: 30 }, (_, i) => 45 - i));
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const pages = (await t.requests('circleci')).filter((r) => r.path.endsWith('/pipeline'));
    expect(pages).toHaveLength(2);
    expect(pages[0]?.query['page-token']).toBeUndefined();
    expect(typeof pages[1]?.query['page-token']).toBe('string');

    // The end cursor resumes exactly after the 30th pipeline, to the end.
    const next = await t.gql(projectPipelines, { slug: 'gh/acme/api', first: 30, after: connection.pageInfo.endCursor });
    const rest = next.data?.['circleciProject'].pipelines;
    expect(rest.edges.map((e: any) => e.node.number)).toEqual(Array.from({ length: 15 }, (_, i) => 15 - i));
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('refuses last/before with BAD_USER_INPUT, since CircleCI cannot page backwards', async () => {
    const result = await t.gql(`{ circleciProject(slug: "gh/acme/api") { pipelines(last: 5) { edges { cursor } } } }`);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    // Only the refused list is null: the project it belongs to still stands.
    expect(result.data?.['circleciProject']).toEqual({ pipelines: null });
  });

  it('rejects a forged cursor with BAD_USER_INPUT', async () => {
    const result = await t.gql(projectPipelines, { slug: 'gh/acme/api', first: 2, after: 'not-a-cursor' });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('reads pipeline → workflows → pipeline and round-trips global ids through node()', async () => {
    const list = await t.gql(`{ circleciProject(slug: "gh/acme/web") { pipelines(first: 3) { edges { node { id pipelineId } } } } }`);
    const pipeline = list.data?.['circleciProject'].pipelines.edges[1].node;
    const result = await t.gql(
      `query ($id: ID!) { node(id: $id) { id ... on CircleCIPipeline { pipelineId workflows { edges { node { id name status pipeline { pipelineId } } } } } } }`,
      { id: pipeline.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['node'].pipelineId).toBe(pipeline.pipelineId);
    const workflows = result.data?.['node'].workflows.edges;
    expect(workflows.length).toBeGreaterThan(0);
    for (const edge of workflows) expect(edge.node.pipeline.pipelineId).toBe(pipeline.pipelineId);
  });
});
