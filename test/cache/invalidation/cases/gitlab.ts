import type { TestGateway } from '../../../helpers/startTestGateway.js';
import { expect } from 'vitest';
import { ok, type CaseList, type StaleRead } from '../harness.js';

// Ada owns the acme group; the administrator sees every project too.
export const gitlabCredentials = [{}, { 'x-gitlab-token': 'gitlab-token-root' }];

/** GitLab mutations and the reads each makes stale, in order (later cases use what earlier ones created). */
export function gitlabCases(gw: () => TestGateway): CaseList {
  const linus = { 'x-gitlab-token': 'gitlab-token-linus' };
  const userId = (name: string): number => gw().simulators.gitlab.store.userByName(name)?.id as number;
  const projectId = (path: string): number => gw().simulators.gitlab.store.projectByPath(path)?.id as number;

  const inProject = (path: string, fields: string, select: (project: any) => unknown, after?: (value: any) => void): StaleRead => ({
    label: `gitlabProject(${path}) { ${fields} }`,
    query: `query ($p: String!) { gitlabProject(idOrPath: $p) { ${fields} } }`,
    variables: { p: path },
    select: (d) => select(d.gitlabProject),
    after,
  });
  const members = (path: string): StaleRead => inProject(path, 'members(first: 50) { edges { node { ... on GitLabMember { userId accessLevel } } } }', (p) => p.members.edges.map((e: any) => e.node));
  const member = (path: string, user: string, after?: (value: any) => void): StaleRead =>
    inProject(path, `member(userId: ${userId(user)}) { accessLevel }`, (p) => p.member, after);
  const hooks = (path: string): StaleRead => inProject(path, 'hooks(first: 50) { edges { node { hookId url } } }', (p) => p.hooks.edges.map((e: any) => e.node));
  const hook = (path: string, id: () => number, after?: (value: any) => void): StaleRead => inProject(path, `hook(hookId: ${id()}) { url pushEvents }`, (p) => p.hook, after);
  const memberships = (who: Record<string, string>): StaleRead => ({
    label: 'gitlabProjects(MEMBERSHIP)',
    query: `{ gitlabProjects(scope: MEMBERSHIP, first: 100) { edges { node { fullName } } } }`,
    select: (d) => d.gitlabProjects.edges.map((e: any) => e.node.fullName),
    credentials: [who],
  });

  let hookId = 0;
  return [
    ['gitlabCreateProject', () => ({
      mutation: 'gitlabCreateProject',
      reads: [
        {
          label: 'gitlabProjects(OWNED)',
          query: `{ gitlabProjects(scope: OWNED, first: 100) { edges { node { path } } } }`,
          select: (d) => d.gitlabProjects.edges.map((e: any) => e.node.path),
          after: (paths: string[]) => expect(paths).toContain('notebook'),
          credentials: [{}],
        },
      ],
      mutate: (g) => g.gql(`mutation { gitlabCreateProject(input: { name: "notebook" }) { path } }`),
    })],
    ['gitlabAddMember (project by path)', () => ({
      mutation: 'gitlabAddMember (project by path)',
      reads: [members('acme/api'), memberships(linus)],
      mutate: (g) => g.gql(`mutation ($u: Int!) { gitlabAddMember(input: { projectId: "acme/api", userId: $u, accessLevel: REPORTER }) { userId } }`, { u: userId('linus') }),
    })],
    ['gitlabUpdateMember (project by path)', () => ({
      mutation: 'gitlabUpdateMember (project by path)',
      reads: [members('acme/api'), member('acme/api', 'linus', (value) => expect(value).toEqual({ accessLevel: 'MAINTAINER' }))],
      mutate: (g) => g.gql(`mutation ($u: Int!) { gitlabUpdateMember(input: { projectId: "acme/api", userId: $u, accessLevel: MAINTAINER }) { userId } }`, { u: userId('linus') }),
    })],
    ['gitlabRemoveMember (project by id)', () => ({
      mutation: 'gitlabRemoveMember (project by id)',
      reads: [members('acme/api'), member('acme/api', 'linus', (value) => expect(value).toBeNull()), memberships(linus)],
      mutate: (g) => g.gql(`mutation ($p: String!, $u: Int!) { gitlabRemoveMember(input: { projectId: $p, userId: $u }) { userId } }`, { p: String(projectId('acme/api')), u: userId('linus') }),
    })],
    ['gitlabAddMember (project by id)', () => ({
      mutation: 'gitlabAddMember (project by id)',
      reads: [members('acme/web')],
      mutate: (g) => g.gql(`mutation ($p: String!, $u: Int!) { gitlabAddMember(input: { projectId: $p, userId: $u, accessLevel: GUEST }) { userId } }`, { p: String(projectId('acme/web')), u: userId('vint') }),
    })],
    ['gitlabRemoveMember (project by path)', () => ({
      mutation: 'gitlabRemoveMember (project by path)',
      reads: [members('acme/web'), member('acme/web', 'vint', (value) => expect(value).toBeNull())],
      mutate: (g) => g.gql(`mutation ($u: Int!) { gitlabRemoveMember(input: { projectId: "acme/web", userId: $u }) { userId } }`, { u: userId('vint') }),
    })],
    ['gitlabAddProjectHook', () => ({
      mutation: 'gitlabAddProjectHook',
      reads: [hooks('acme/api')],
      mutate: async (g) => {
        const added = await g.gql(`mutation { gitlabAddProjectHook(input: { projectId: "acme/api", url: "https://hooks.example.com/new", pushEvents: false }) { hookId } }`);
        hookId = ok(added)['gitlabAddProjectHook'].hookId;
        return added;
      },
    })],
    ['gitlabUpdateProjectHook (project by path)', () => ({
      mutation: 'gitlabUpdateProjectHook (project by path)',
      reads: [hooks('acme/api'), hook('acme/api', () => hookId, (value) => expect(value).toEqual({ url: 'https://hooks.example.com/changed', pushEvents: true }))],
      mutate: (g) => g.gql(`mutation ($h: Int!) { gitlabUpdateProjectHook(input: { projectId: "acme/api", hookId: $h, url: "https://hooks.example.com/changed", pushEvents: true }) { hookId } }`, { h: hookId }),
    })],
    ['gitlabUpdateProjectHook (project by id)', () => ({
      mutation: 'gitlabUpdateProjectHook (project by id)',
      reads: [hook('acme/api', () => hookId, (value) => expect(value).toEqual({ url: 'https://hooks.example.com/again', pushEvents: true }))],
      mutate: (g) =>
        g.gql(`mutation ($p: String!, $h: Int!) { gitlabUpdateProjectHook(input: { projectId: $p, hookId: $h, url: "https://hooks.example.com/again" }) { hookId } }`, { p: String(projectId('acme/api')), h: hookId }),
    })],
    ['gitlabDeleteProjectHook', () => ({
      mutation: 'gitlabDeleteProjectHook',
      reads: [hooks('acme/api'), hook('acme/api', () => hookId, (value) => expect(value).toBeNull())],
      mutate: (g) => g.gql(`mutation ($h: Int!) { gitlabDeleteProjectHook(input: { projectId: "acme/api", hookId: $h }) { hookId } }`, { h: hookId }),
    })],
  ];
}
