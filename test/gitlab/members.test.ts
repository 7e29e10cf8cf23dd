import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const membersQuery = /* GraphQL */ `
  query ($first: Int, $after: String, $query: String) {
    gitlabProject(idOrPath: "acme/api") {
      members(first: $first, after: $after, query: $query) {
        edges { node { id name role ... on GitLabMember { userId username accessLevel accessLevelValue state expiresAt avatarUrl webUrl } } }
        pageInfo { hasNextPage endCursor }
        totalCount
      }
    }
  }
`;

const memberCalls = async (): Promise<Record<string, string | string[]>[]> =>
  (await t.requests('gitlab')).filter((r) => r.path === '/api/v4/projects/1/members').map((r) => r.query);

/** A user with no direct membership of a project, by the simulator's data. */
const nonMember = (projectId: number): number => {
  const store = t.simulators.gitlab.store;
  const user = store.users.find((candidate) => !candidate.admin && candidate.token === null && store.member(projectId, candidate.id) === undefined);
  if (user === undefined) throw new Error('no candidate user');
  return user.id;
};

const addMember = /* GraphQL */ `
  mutation ($input: GitLabAddMemberInput!) {
    gitlabAddMember(input: $input) { id userId username role accessLevel expiresAt project { fullName } }
  }
`;

describe('GitLab member pages', () => {
  it('pages members by offset, with the total from x-total', async () => {
    const first = await t.gql(membersQuery, { first: 5 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data?.['gitlabProject'].members;
    const store = t.simulators.gitlab.store;
    const expected = store.members.filter((member) => member.projectId === 1).map((member) => member.userId);
    expect(page1.totalCount).toBe(expected.length);
    expect(page1.totalCount).toBeGreaterThan(10);
    expect(page1.edges.map((e: any) => e.node.userId)).toEqual(expected.slice(0, 5));
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(await memberCalls()).toEqual([{ per_page: '5' }]);

    await t.clearRequests();
    const second = await t.gql(membersQuery, { first: 5, after: page1.pageInfo.endCursor });
    const page2 = second.data?.['gitlabProject'].members;
    expect(page2.edges.map((e: any) => e.node.userId)).toEqual(expected.slice(5, 10));
    expect(page2.totalCount).toBe(expected.length);
    // The page's last cursor holds GitLab's next page: paging on reads that page alone.
    expect(await memberCalls()).toEqual([{ page: '2', per_page: '5' }]);
  });

  it('walks every member page by page with one upstream call per page', async () => {
    const expected = t.simulators.gitlab.store.members.filter((member) => member.projectId === 1).map((member) => member.userId);
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (let round = 0; round < 20; round++) {
      const result: { data?: any } = await t.gql(membersQuery, { first: 2, after });
      const members: any = result.data?.['gitlabProject'].members;
      pages++;
      seen.push(...members.edges.map((e: any) => e.node.userId));
      if (!members.pageInfo.hasNextPage) break;
      after = members.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 2));
    expect((await memberCalls()).map((query) => query['page'] ?? '1')).toEqual(Array.from({ length: pages }, (_, index) => String(index + 1)));
  });
});

/** A seeded direct member of acme/api other than its creator. */
const someMember = (): { userId: number; username: string; name: string } => {
  const store = t.simulators.gitlab.store;
  const member = store.members.find((candidate) => candidate.projectId === 1 && candidate.createdById !== candidate.userId);
  const user = store.users.find((candidate) => candidate.id === member?.userId);
  if (user === undefined) throw new Error('no seeded member');
  return { userId: user.id, username: user.username, name: user.name };
};

describe('GitLab members through GraphQL', () => {
  it("reads a page of members and each one's project with one call each (the project by path is known by id too)", async () => {
    const result = await t.gql(`{ gitlabProject(idOrPath: "acme/api") { fullName members(first: 6) { edges { node { ... on GitLabMember { username project { fullName } } } } } } }`);
    expect(result.errors).toBeUndefined();
    const edges = result.data?.['gitlabProject'].members.edges;
    expect(edges).toHaveLength(6);
    for (const edge of edges) expect(edge.node.project.fullName).toBe('acme/api');
    expect((await t.requests('gitlab')).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v4/projects/acme%2Fapi', 'GET /api/v4/projects/1/members']);
  });

  it('filters with query, and maps access levels to names', async () => {
    const { username } = someMember();
    const result = await t.gql(membersQuery, { first: 20, query: username });
    const edges = result.data?.['gitlabProject'].members.edges;
    expect(edges).toHaveLength(1);
    const member = edges[0].node;
    expect(member.username).toBe(username);
    const level = t.simulators.gitlab.store.member(1, member.userId)?.accessLevel;
    expect(member.accessLevelValue).toBe(level);
    const names: Record<number, [string, string]> = {
      10: ['GUEST', 'Guest'],
      20: ['REPORTER', 'Reporter'],
      30: ['DEVELOPER', 'Developer'],
      40: ['MAINTAINER', 'Maintainer'],
    };
    expect([member.accessLevel, member.role]).toEqual(names[level as number]);
    expect(member.webUrl).toBe(`https://gitlab.example.com/${username}`);
    expect(await memberCalls()).toEqual([{ query: username, per_page: '20' }]);
  });

  it('reads one member by user id, and round-trips its global id through node()', async () => {
    const { userId, name } = someMember();
    const result = await t.gql(`{ gitlabProject(idOrPath: "1") { member(userId: ${userId}) { id userId name role } nobody: member(userId: 4) { id } } }`);
    expect(result.errors).toBeUndefined();
    const member = result.data?.['gitlabProject'].member;
    expect(member).toMatchObject({ userId, name });
    expect(result.data?.['gitlabProject'].nobody).toBeNull();
    const node = await t.gql(`query ($id: ID!) { node(id: $id) { id ... on Member { service name role } ... on GitLabMember { project { fullName } } } }`, {
      id: member.id,
    });
    expect(node.data?.['node']).toEqual({ id: member.id, service: 'GITLAB', name, role: member.role, project: { fullName: 'acme/api' } });
    const paths = (await t.requests('gitlab')).map((r) => `${r.method} ${r.path}`);
    expect(paths.filter((p) => p === `GET /api/v4/projects/1/members/${userId}`)).toHaveLength(2);
  });

  it('adds a member by project path (POST → 201), then CONFLICT on adding them again', async () => {
    const userId = nonMember(2);
    const input = { projectId: 'acme/web', userId, accessLevel: 'DEVELOPER', expiresAt: '2031-01-31' };
    const added = await t.gql(addMember, { input });
    expect(added.errors).toBeUndefined();
    const member = added.data?.['gitlabAddMember'];
    expect(member).toMatchObject({ userId, role: 'Developer', accessLevel: 'DEVELOPER', expiresAt: '2031-01-31', project: { fullName: 'acme/web' } });
    // The write names the project by its numeric id, read by path first, as reads name it.
    expect((await t.requests('gitlab')).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v4/projects/acme%2Fweb', 'POST /api/v4/projects/2/members']);
    // The id holds the numeric project id, the same however the project was named.
    const listed = await t.gql(`{ gitlabProject(idOrPath: "2") { member(userId: ${userId}) { id } } }`);
    expect(listed.data?.['gitlabProject'].member.id).toBe(member.id);

    const again = await t.gql(addMember, { input });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', service: 'gitlab', status: 409 });
    expect(again.errors?.[0]?.message).toContain('Member already exists');
  });

  it('changes the access level (PUT) and removes the member (DELETE → 204)', async () => {
    const userId = nonMember(3);
    await t.gql(addMember, { input: { projectId: '3', userId, accessLevel: 'REPORTER' } });
    const updated = await t.gql(
      `mutation ($input: GitLabUpdateMemberInput!) { gitlabUpdateMember(input: $input) { userId accessLevel role expiresAt } }`,
      { input: { projectId: '3', userId, accessLevel: 'MAINTAINER', expiresAt: '2030-12-31' } },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.['gitlabUpdateMember']).toEqual({ userId, accessLevel: 'MAINTAINER', role: 'Maintainer', expiresAt: '2030-12-31' });
    expect(t.simulators.gitlab.store.member(3, userId)?.accessLevel).toBe(40);

    const removed = await t.gql(`mutation ($input: GitLabRemoveMemberInput!) { gitlabRemoveMember(input: $input) { removedMemberId userId } }`, {
      input: { projectId: '3', userId },
    });
    expect(removed.errors).toBeUndefined();
    expect(removed.data?.['gitlabRemoveMember'].userId).toBe(userId);
    const after = await t.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: removed.data?.['gitlabRemoveMember'].removedMemberId });
    expect(after.data).toEqual({ node: null });
    const writes = (await t.requests('gitlab')).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    expect(writes).toEqual([
      'POST /api/v4/projects/3/members',
      `PUT /api/v4/projects/3/members/${userId}`,
      `DELETE /api/v4/projects/3/members/${userId}`,
    ]);
  });

  it('checks access level, expiry date, user and project before calling GitLab', async () => {
    const result = await t.gql(addMember, { input: { projectId: 'not a path', userId: 0, accessLevel: 'NO_ACCESS', expiresAt: '2020-02-30' } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['details']).toEqual([
      { field: 'projectId', message: 'must be a numeric project id or a full path such as group/name' },
      { field: 'userId', message: 'must be a positive integer' },
      { field: 'accessLevel', message: 'must be one of GUEST, PLANNER, REPORTER, DEVELOPER, MAINTAINER, OWNER for a project member' },
      { field: 'expiresAt', message: 'must be a date as YYYY-MM-DD' },
    ]);
    const past = await t.gql(addMember, { input: { projectId: '1', userId: 5, accessLevel: 'GUEST', expiresAt: '2020-02-28' } });
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ field: 'expiresAt', message: 'must be a date in the future' }] });
    expect(await t.requests('gitlab')).toEqual([]);
  });

  it('FORBIDDEN when the user may not manage members, NOT_FOUND for a non-member', async () => {
    const forbidden = await t.gql(addMember, { input: { projectId: 'acme/docs', userId: 5, accessLevel: 'GUEST' } }, { 'x-gitlab-token': 'gitlab-token-linus' });
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', service: 'gitlab', status: 403 });
    const missing = await t.gql(`mutation { gitlabUpdateMember(input: { projectId: "1", userId: 4, accessLevel: GUEST }) { userId } }`);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});
