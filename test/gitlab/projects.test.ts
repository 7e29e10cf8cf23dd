import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/relay/cursor.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const projectsQuery = /* GraphQL */ `
  query ($scope: GitLabProjectScope, $search: String, $first: Int, $after: String) {
    gitlabProjects(scope: $scope, search: $search, first: $first, after: $after) {
      edges { cursor node { projectId fullName } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
      totalCount
    }
  }
`;

/** The ids a token's user may see, by the simulator's own rules, in id order. */
const visibleIds = (token = 'demo-gitlab-token'): number[] => {
  const store = t.simulators.gitlab.store;
  const user = store.userByToken(token) ?? null;
  return store.projects.filter((project) => store.canSee(user, project)).map((project) => project.id);
};

const listCalls = async (): Promise<Record<string, string | string[]>[]> =>
  (await t.requests('gitlab')).filter((r) => r.method === 'GET' && r.path === '/api/v4/projects').map((r) => r.query);

describe('GitLab projects through GraphQL', () => {
  it('pages projects by keyset in id order, following the Link header across upstream pages', async () => {
    const first = await t.gql(projectsQuery, { first: 12 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data?.['gitlabProjects'];
    const visible = visibleIds();
    expect(page1.edges.map((e: any) => e.node.projectId)).toEqual(visible.slice(0, 12));
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page1.totalCount).toBeNull();
    expect(await listCalls()).toEqual([{ pagination: 'keyset', order_by: 'id', sort: 'asc', per_page: '12' }]);

    await t.clearRequests();
    const second = await t.gql(projectsQuery, { first: 12, after: page1.pageInfo.endCursor });
    const page2 = second.data?.['gitlabProjects'];
    expect(page2.edges.map((e: any) => e.node.projectId)).toEqual(visible.slice(12, 24));
    expect(page2.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    // The cursor holds its project's keyset position: the next page starts right after it, in one call.
    expect(await listCalls()).toEqual([{ pagination: 'keyset', order_by: 'id', sort: 'asc', per_page: '12', id_after: String(visible[11]) }]);

    await t.clearRequests();
    const third = await t.gql(projectsQuery, { first: 12, after: page2.pageInfo.endCursor });
    expect(third.data?.['gitlabProjects'].edges.map((e: any) => e.node.projectId)).toEqual(visible.slice(24, 36));
    expect((await listCalls()).map((query) => query['id_after'])).toEqual([String(visible[23])]);
  });

  it('resumes from any edge, not only a page end, with one call', async () => {
    const first = await t.gql(projectsQuery, { first: 6 });
    const cursor = first.data?.['gitlabProjects'].edges[2].cursor;
    await t.clearRequests();
    const resumed = await t.gql(projectsQuery, { first: 4, after: cursor });
    expect(resumed.data?.['gitlabProjects'].edges.map((e: any) => e.node.projectId)).toEqual(visibleIds().slice(3, 7));
    expect(await listCalls()).toEqual([{ pagination: 'keyset', order_by: 'id', sort: 'asc', per_page: '4', id_after: String(visibleIds()[2]) }]);
  });

  it('walks every project page by page with one upstream call per page', async () => {
    const visible = visibleIds();
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (let round = 0; round < 40; round++) {
      const result: { data?: any } = await t.gql(projectsQuery, { first: 2, after });
      const connection: any = result.data?.['gitlabProjects'];
      pages++;
      seen.push(...connection.edges.map((e: any) => e.node.projectId));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(visible);
    expect(pages).toBeGreaterThan(10);
    // Each page after the first names where it starts, and none is read twice.
    const calls = await listCalls();
    expect(calls).toHaveLength(pages);
    expect(calls.map((query) => query['id_after'])).toEqual([undefined, ...seen.filter((_id, index) => index % 2 === 1).map(String)].slice(0, pages));
  });

  it('walks every visible project to the end with the Link tokens', async () => {
    expect(t.simulators.gitlab.store.projects.length).toBeGreaterThanOrEqual(30);
    const seen: number[] = [];
    let after: string | null = null;
    for (let round = 0; round < 10; round++) {
      const result: { data?: any } = await t.gql(projectsQuery, { first: 10, after });
      const connection: any = result.data?.['gitlabProjects'];
      seen.push(...connection.edges.map((e: any) => e.node.projectId));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    // ada sees every public and internal project and the private ones she is a member of.
    expect(seen).toEqual(visibleIds());
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.length).toBeLessThan(t.simulators.gitlab.store.projects.length);
    const idAfter = (await listCalls()).map((q) => q['id_after']).filter((value) => value !== undefined);
    expect(idAfter.length).toBeGreaterThan(0);
  });

  it('sends owned=true or membership=true for the scopes, and search', async () => {
    const owned = await t.gql(projectsQuery, { scope: 'OWNED', first: 50 });
    const ownedNames = owned.data?.['gitlabProjects'].edges.map((e: any) => e.node.fullName);
    expect(ownedNames).toContain('ada/dotfiles');
    expect(ownedNames).toContain('acme/platform/gateway');
    expect(ownedNames).not.toContain('globex/storefront');
    const membership = await t.gql(projectsQuery, { scope: 'MEMBERSHIP', search: 'sdk', first: 50 });
    expect(membership.data?.['gitlabProjects'].edges.map((e: any) => e.node.fullName)).toEqual(['acme/sdk-js', 'acme/sdk-python']);
    const calls = await listCalls();
    expect(calls[0]).toMatchObject({ owned: 'true', pagination: 'keyset' });
    expect(calls[1]).toMatchObject({ membership: 'true', search: 'sdk', pagination: 'keyset', per_page: '50' });
  });

  it('shows each token what its own user may see', async () => {
    const linus = await t.gql(projectsQuery, { scope: 'MEMBERSHIP', first: 50 }, { 'x-gitlab-token': 'gitlab-token-linus' });
    expect(linus.data?.['gitlabProjects'].edges.map((e: any) => e.node.fullName)).toEqual(['linus/subsurface']);
    const hidden = await t.gql(`{ gitlabProject(idOrPath: "acme/api") { name } }`, undefined, { 'x-gitlab-token': 'gitlab-token-linus' });
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data).toEqual({ gitlabProject: null });
  });

  it('reads a project by full path, URL-encoded as one segment on the wire', async () => {
    const result = await t.gql(`{
      gitlabProject(idOrPath: "acme/platform/gateway") {
        id service name fullName url projectId path visibility defaultBranch description createdAt lastActivityAt
        namespace { namespaceId name kind fullPath parentId }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.['gitlabProject']).toMatchObject({
      service: 'GITLAB',
      name: 'Gateway',
      fullName: 'acme/platform/gateway',
      url: 'https://gitlab.example.com/acme/platform/gateway',
      projectId: 17,
      path: 'gateway',
      visibility: 'PRIVATE',
      defaultBranch: 'main',
      description: 'Edge gateway',
      namespace: { namespaceId: 101, name: 'Platform', kind: 'group', fullPath: 'acme/platform', parentId: 100 },
    });
    const calls = (await t.requests('gitlab')).map((r) => `${r.method} ${r.path}`);
    expect(calls).toEqual(['GET /api/v4/projects/acme%2Fplatform%2Fgateway']);
    // A path given already encoded, as GitLab's own docs write it, is the same project (and the same cached read).
    const encoded = await t.gql(`{ gitlabProject(idOrPath: "acme%2Fplatform%2Fgateway") { projectId } }`);
    expect(encoded.data?.['gitlabProject']).toEqual({ projectId: 17 });
  });

  it('reads a project by numeric id and again through node(id:), through the shared Project interface', async () => {
    const byId = await t.gql(`{ gitlabProject(idOrPath: "5") { id fullName } }`);
    const project = byId.data?.['gitlabProject'];
    expect(project.fullName).toBe('acme/docs');
    const node = await t.gql(`query ($id: ID!) { node(id: $id) { id ... on Project { service name fullName } } }`, { id: project.id });
    expect(node.data?.['node']).toEqual({ id: project.id, service: 'GITLAB', name: 'Docs', fullName: 'acme/docs' });
  });

  it('a missing project is null, and an unknown one by path too', async () => {
    const result = await t.gql(`{ a: gitlabProject(idOrPath: "9999") { name } b: gitlabProject(idOrPath: "acme/nope") { name } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: null, b: null });
  });

  it('sends only the position of a cursor token to GitLab, never other parameters it carries', async () => {
    const forged = encodeCursor({ token: 'id_after=3&per_page=2&sudo=root&owned=false', index: 0 });
    const result = await t.gql(projectsQuery, { scope: 'MEMBERSHIP', first: 2, after: forged });
    expect(result.errors).toBeUndefined();
    const calls = await listCalls();
    expect(calls[0]).toEqual({ pagination: 'keyset', order_by: 'id', sort: 'asc', per_page: '2', membership: 'true', id_after: '3' });
    for (const query of calls) expect(Object.keys(query).sort()).toEqual(['id_after', 'membership', 'order_by', 'pagination', 'per_page', 'sort']);
  });

  it('refuses last/before, since GitLab keyset pages only forwards', async () => {
    const result = await t.gql(`{ gitlabProjects(last: 3) { edges { cursor } } }`);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

describe('creating GitLab projects', () => {
  const create = /* GraphQL */ `
    mutation ($input: GitLabCreateProjectInput!) {
      gitlabCreateProject(input: $input) { id projectId name fullName visibility description defaultBranch namespace { fullPath } }
    }
  `;

  it('creates a project (POST /projects → 201) and reads it back', async () => {
    const result = await t.gql(create, { input: { name: 'Release Tools', namespaceId: 100, visibility: 'INTERNAL', description: 'Cut releases', initializeWithReadme: true } });
    expect(result.errors).toBeUndefined();
    const project = result.data?.['gitlabCreateProject'];
    expect(project).toMatchObject({
      name: 'Release Tools',
      fullName: 'acme/release-tools',
      visibility: 'INTERNAL',
      description: 'Cut releases',
      defaultBranch: 'main',
      namespace: { fullPath: 'acme' },
    });
    expect(project.projectId).toBeGreaterThan(35);
    const read = await t.gql(`{ gitlabProject(idOrPath: "acme/release-tools") { projectId } }`);
    expect(read.data?.['gitlabProject'].projectId).toBe(project.projectId);
    const post = (await t.requests('gitlab')).find((r) => r.method === 'POST');
    expect(post?.path).toBe('/api/v4/projects');
  });

  it("passes GitLab's field errors on as BAD_USER_INPUT with details", async () => {
    const result = await t.gql(create, { input: { name: 'Api', namespaceId: 100 } });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      service: 'gitlab',
      status: 400,
      details: [
        { field: 'name', message: 'name has already been taken' },
        { field: 'path', message: 'path has already been taken' },
      ],
    });
  });

  it('checks name, path and visibility before calling GitLab', async () => {
    const result = await t.gql(create, { input: { name: '-bad name!', path: 'ends.git', visibility: 'UNKNOWN' } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect((result.errors?.[0]?.extensions?.['details'] as any[]).map((d) => d.field)).toEqual(['name', 'path', 'visibility']);
    const empty = await t.gql(create, { input: { description: 'no name' } });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ field: 'name', message: 'or path is required' }] });
    expect(await t.requests('gitlab')).toEqual([]);
  });
});
