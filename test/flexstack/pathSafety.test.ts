import { describe, expect, it } from 'vitest';
import { expectNodeWithoutCall, expectRefused, hiddenDotSegments, sentPaths } from '../helpers/pathSafety.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

/** The FlexStack paths the simulator was asked for since the last clear. */
const paths = (): Promise<string[]> => sentPaths(t, 'flexstack');

/** A real project and member id of the seed, to put beside a bad one. */
function realIds(): { project: string; member: string } {
  const project = t.simulators.flexstack.store.projects[0];
  const member = project?.members[0];
  if (project === undefined || member === undefined) throw new Error('the seed has no FlexStack project with a member');
  return { project: project.id, member: member.personId };
}

/** Ids that must never reach FlexStack as a path of their own. */
const badIds = [
  '..',
  '.',
  '',
  '../../../me',
  'a/b/../../../../../etc/passwd',
  '%2e%2e',
  '..%2f..%2forgs',
  'Gk8pN3v2qR7sT1wX9yZ4aB/../..',
  'Gk8pN3v2qR7sT1wX9yZ4aB/members',
  'Gk8pN3v2qR7sT1wX9yZ4aB?x=1',
  'Gk8pN3v2qR7sT1wX9yZ4a\n',
  'Gk8pN3v2qR7sT1wX9yZ4a\u0000',
  'x'.repeat(200),
  ...hiddenDotSegments,
];

describe('FlexStack reads: ids stay inside their own path segment', () => {
  it.each(badIds)('%j is refused as any id before any call', async (bad) => {
    const { project, member } = realIds();
    expectRefused((await t.gql(`query ($id: String!) { flexstackProject(id: $id) { name } }`, { id: bad })).errors);
    expectRefused((await t.gql(`query ($id: String!) { flexstackDeployment(id: $id) { status } }`, { id: bad })).errors);
    expectRefused((await t.gql(`query ($org: String!) { flexstackProjects(orgId: $org, first: 2) { edges { node { name } } } }`, { org: bad })).errors);
    expectRefused((await t.gql(`query ($p: String!, $m: String!) { flexstackProjectMember(projectId: $p, memberId: $m) { name } }`, { p: bad, m: member })).errors);
    expectRefused((await t.gql(`query ($p: String!, $m: String!) { flexstackProjectMember(projectId: $p, memberId: $m) { name } }`, { p: project, m: bad })).errors);
    expectRefused((await t.gql(`query ($p: String!, $i: String!) { flexstackNotificationIntegration(projectId: $p, integrationId: $i) { id } }`, { p: project, i: bad })).errors);
    expect(await paths()).toEqual([]);
  });

  it.each([
    ['FlexStackProject', '..'],
    ['FlexStackProject', '../orgs'],
    ['FlexStackDeployment', '../../projects'],
    ['FlexStackMember', 'Gk8pN3v2qR7sT1wX9yZ4aB/..'],
    ['FlexStackMember', '../../v1/projects/Gk8pN3v2qR7sT1wX9yZ4aB'],
    ['FlexStackMember', 'Gk8pN3v2qR7sT1wX9yZ4aB/Gk8pN3v2qR7sT1wX9yZ4aB/../x'],
    ['FlexStackWebhookIntegration', 'Gk8pN3v2qR7sT1wX9yZ4aB/%2e%2e'],
  ])('node(id:) of a %s whose key is %j makes no call', async (typename, key) => {
    await expectNodeWithoutCall(t, 'flexstack', typename, key);
  });
});

describe('FlexStack writes: ids stay inside their own path segment', () => {
  const cases: readonly (readonly [string, string, (ids: { project: string; member: string }) => Record<string, unknown>])[] = [
    ['update', `mutation ($input: FlexStackUpdateProjectInput!) { flexstackUpdateProject(input: $input) { id } }`, () => ({ id: '../../orgs', name: 'x' })],
    ['delete', `mutation ($input: FlexStackProjectIdInput!) { flexstackDeleteProject(input: $input) { deletedId } }`, () => ({ id: 'a/b/../../../../../etc/passwd' })],
    ['disconnect', `mutation ($input: FlexStackProjectIdInput!) { flexstackDisconnectProject(input: $input) { id } }`, () => ({ id: '..' })],
    ['add members', `mutation ($input: FlexStackAddProjectMembersInput!) { flexstackAddProjectMembers(input: $input) { members { memberId } } }`, ({ project }) => ({ projectId: project, memberIds: ['../x'] })],
    ['add members', `mutation ($input: FlexStackAddProjectMembersInput!) { flexstackAddProjectMembers(input: $input) { members { memberId } } }`, ({ member }) => ({ projectId: '%2e%2e', memberIds: [member] })],
    ['update member', `mutation ($input: FlexStackUpdateProjectMemberInput!) { flexstackUpdateProjectMember(input: $input) { memberId } }`, ({ project }) => ({ projectId: project, memberId: '..', role: 'VIEWER' })],
    ['remove member', `mutation ($input: FlexStackProjectMemberInput!) { flexstackRemoveProjectMember(input: $input) { deletedId } }`, ({ member }) => ({ projectId: '../../projects', memberId: member })],
    [
      'create integration',
      `mutation ($input: FlexStackCreateNotificationIntegrationInput!) { flexstackCreateNotificationIntegration(input: $input) { id } }`,
      () => ({ projectId: '..', type: 'WEBHOOK', config: { url: 'https://hooks.example.com/x' } }),
    ],
    [
      'update integration',
      `mutation ($input: FlexStackUpdateNotificationIntegrationInput!) { flexstackUpdateNotificationIntegration(input: $input) { id } }`,
      ({ project }) => ({ projectId: project, integrationId: '../../../members', notifications: { changelog: true } }),
    ],
    [
      'delete integration',
      `mutation ($input: FlexStackNotificationIntegrationIdInput!) { flexstackDeleteNotificationIntegration(input: $input) { deletedId } }`,
      ({ project }) => ({ projectId: project, integrationId: 'x\ny' }),
    ],
  ];

  it.each(cases)('%s is refused before any call', async (_kind, mutation, input) => {
    const ids = realIds();
    const projectsBefore = t.simulators.flexstack.store.projects.length;
    const result = await t.gql(mutation, { input: input(ids) });
    expectRefused(result.errors);
    expect(await paths()).toEqual([]);
    expect(t.simulators.flexstack.store.projects).toHaveLength(projectsBefore);
  });
});
