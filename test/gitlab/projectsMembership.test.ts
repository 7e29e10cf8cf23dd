import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const linus = { 'x-gitlab-token': 'gitlab-token-linus' };
const names = (connection: { edges: { node: { fullName: string } }[] }): string[] => connection.edges.map((edge) => edge.node.fullName);

describe('projects: GitLab contributes the projects the caller is a member of, as its description says', () => {
  it("lists a user's own GitLab projects, not every public project of the instance", async () => {
    const mine = await t.gql(`{ projects(services: [GITLAB], first: 50) { edges { node { fullName } } } }`, undefined, linus);
    expect(mine.errors).toBeUndefined();
    const store = t.simulators.gitlab.store;
    const user = store.userByToken('gitlab-token-linus') ?? null;
    expect(names(mine.data?.['projects'])).toEqual(store.projects.filter((project) => store.accessLevel(user, project) >= 10).map((project) => store.projectPath(project)));
    expect(names(mine.data?.['projects'])).toEqual(['linus/subsurface']);
    // What the credential can see is more: every public and internal project, which gitlabProjects(scope: ALL) lists.
    const visible = await t.gql(`{ gitlabProjects(scope: ALL, first: 50) { edges { node { fullName } } } }`, undefined, linus);
    expect(names(visible.data?.['gitlabProjects']).length).toBeGreaterThan(10);
    const gitlab = (await t.requests('gitlab')).filter((r) => r.path === '/api/v4/projects');
    expect(gitlab[0]?.query).toMatchObject({ membership: 'true' });
  });

  it('says so in the field description', async () => {
    const result = await t.gql(`{ __type(name: "Query") { fields { name description } } }`);
    const field = result.data?.['__type'].fields.find((candidate: { name: string }) => candidate.name === 'projects');
    expect(field.description).toMatch(/on GitLab those its user is a member of/);
    expect(field.description).not.toMatch(/^Every project the caller can see/);
  });
});
