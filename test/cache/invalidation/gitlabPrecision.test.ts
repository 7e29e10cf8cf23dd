import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../../helpers/useTestGateway.js';
import { cachedEnv, ok } from './harness.js';

const t = useTestGateway({ env: cachedEnv });

const projectId = (path: string): number => t.simulators.gitlab.store.projectByPath(path)?.id as number;

/** A user with no membership of a project, by the simulator's data. */
const nonMember = (path: string): number => {
  const store = t.simulators.gitlab.store;
  const user = store.users.find((candidate) => !candidate.admin && candidate.token === null && store.member(projectId(path), candidate.id) === undefined);
  if (user === undefined) throw new Error(`no user outside ${path}`);
  return user.id;
};

const members = async (path: string): Promise<number[]> => {
  const data = ok(await t.gql(`query ($p: String!) { gitlabProject(idOrPath: $p) { members(first: 50) { edges { node { ... on GitLabMember { userId } } } } } }`, { p: path }));
  return data['gitlabProject'].members.edges.map((edge: { node: { userId: number } }) => edge.node.userId);
};

const hooks = async (path: string): Promise<string[]> => {
  const data = ok(await t.gql(`query ($p: String!) { gitlabProject(idOrPath: $p) { hooks(first: 50) { edges { node { url } } } } }`, { p: path }));
  return data['gitlabProject'].hooks.edges.map((edge: { node: { url: string } }) => edge.node.url);
};

const gets = async (): Promise<string[]> => (await t.requests('gitlab')).filter((r) => r.method === 'GET').map((r) => r.path);

describe('GitLab writes purge their own project only, however it is named', () => {
  it("a member write by project path keeps another project's cached members, and refreshes its own", async () => {
    const user = nonMember('acme/api');
    const web = await members('acme/web');
    const api = await members('acme/api');
    await t.clearRequests();

    ok(await t.gql(`mutation ($u: Int!) { gitlabAddMember(input: { projectId: "acme/api", userId: $u, accessLevel: GUEST }) { userId } }`, { u: user }));
    await t.clearRequests();

    expect(await members('acme/web')).toEqual(web);
    expect(await gets(), 'acme/web from the cache').toEqual([]);
    const after = await members('acme/api');
    expect(after).toHaveLength(api.length + 1);
    expect(after).toEqual(expect.arrayContaining([...api, user]));
    expect(await gets(), 'acme/api from GitLab').toContain(`/api/v4/projects/${projectId('acme/api')}/members`);
  });

  it("a hook write by project id keeps another project's cached hooks", async () => {
    const web = await hooks('acme/web');
    await hooks('acme/api');
    await t.clearRequests();

    ok(await t.gql(`mutation ($p: String!) { gitlabAddProjectHook(input: { projectId: $p, url: "https://hooks.example.com/precise" }) { hookId } }`, { p: String(projectId('acme/api')) }));
    await t.clearRequests();

    expect(await hooks('acme/web')).toEqual(web);
    expect(await gets(), 'acme/web from the cache').toEqual([]);
    expect(await hooks('acme/api')).toContain('https://hooks.example.com/precise');
  });

  it('a project read by path is purged by a write naming it by numeric id; another project read by path is not', async () => {
    const project = `query ($p: String!) { gitlabProject(idOrPath: $p) { projectId fullName } }`;
    ok(await t.gql(project, { p: 'acme/api' }));
    ok(await t.gql(project, { p: 'acme/web' }));
    await t.clearRequests();
    ok(await t.gql(project, { p: 'acme/api' }));
    expect(await gets(), 'both from the cache').toEqual([]);

    // Writes under /projects/<id> make that project's own answer stale (the parent of what they change).
    ok(await t.gql(`mutation ($p: String!, $u: Int!) { gitlabAddMember(input: { projectId: $p, userId: $u, accessLevel: GUEST }) { userId } }`, { p: String(projectId('acme/api')), u: nonMember('acme/api') }));
    await t.clearRequests();

    ok(await t.gql(project, { p: 'acme/web' }));
    expect(await gets(), 'acme/web still from the cache').toEqual([]);
    ok(await t.gql(project, { p: 'acme/api' }));
    expect(await gets(), 'acme/api by path from GitLab again').toEqual(['/api/v4/projects/acme%2Fapi']);
  });
});
