import type { TestGateway } from '../../../helpers/startTestGateway.js';
import { expect } from 'vitest';
import { ok, type CaseList } from '../harness.js';

// Both keys see the globex organization.
export const flexstackCredentials = [{}, { 'x-flexstack-key': 'flex_globex_key' }];

/** FlexStack mutations and the reads each makes stale, in order (later cases use what earlier ones created). */
export function flexstackCases(gw: () => TestGateway): CaseList {
  const store = () => gw().simulators.flexstack.store;
  const globex = (): string => store().orgs[1]?.id as string;
  const projectId = (name: string): string => store().projects.find((p) => p.name === name)?.id as string;
  const personId = (name: string): string => store().people.find((p) => p.name === name)?.id as string;
  const names = (connection: { edges: { node: { name: string } }[] }): string[] => connection.edges.map((e) => e.node.name);

  const projectList = (select: (data: any) => unknown = (d) => d.flexstackProjects.edges.map((e: any) => e.node)) => ({
    label: 'flexstackProjects',
    query: `query ($org: String) { flexstackProjects(orgId: $org, sort: CREATED_AT_DESC, first: 10) { edges { node { projectId name connectionStatus } } } }`,
    get variables() {
      return { org: globex() };
    },
    select,
  });
  const project = (name: string, fields: string, select: (data: any) => unknown) => ({
    label: `flexstackProject ${fields}`,
    query: `query ($id: String!) { flexstackProject(id: $id) { ${fields} } }`,
    variables: { id: projectId(name) },
    select,
  });
  const members = (name: string) => project(name, 'members(first: 20) { edges { node { role ... on FlexStackMember { memberId } } } }', (d) => d.flexstackProject.members.edges.map((e: any) => e.node));
  const integrations = (name: string) =>
    project(name, 'notificationIntegrations(first: 20) { edges { node { integrationId notifications { changelog promotions } } } }', (d) => d.flexstackProject.notificationIntegrations.edges.map((e: any) => e.node));

  let integrationId = '';
  const integration = (name: string) => ({
    label: 'flexstackNotificationIntegration',
    query: `query ($p: String!, $i: String!) { flexstackNotificationIntegration(projectId: $p, integrationId: $i) { integrationId notifications { changelog promotions } } }`,
    variables: { p: projectId(name), i: integrationId },
    select: (d: any) => d.flexstackNotificationIntegration,
  });

  return [
    [
      'flexstackCreateProject',
      () => ({
        mutation: 'flexstackCreateProject',
        reads: [projectList((d) => names(d.flexstackProjects))],
        // Created in the key's own organization: globex for this key.
        mutate: (g) => g.gql(`mutation { flexstackCreateProject(input: { name: "warehouse" }) { name } }`, {}, { 'x-flexstack-key': 'flex_globex_key' }),
      }),
    ],
    [
      'flexstackUpdateProject',
      () => ({
        mutation: 'flexstackUpdateProject',
        reads: [project('payroll', 'name', (d) => d.flexstackProject.name), projectList((d) => names(d.flexstackProjects))],
        mutate: (g) => g.gql(`mutation ($id: String!) { flexstackUpdateProject(input: { id: $id, name: "payroll-2" }) { name } }`, { id: projectId('payroll') }),
      }),
    ],
    [
      'flexstackDisconnectProject',
      () => ({
        mutation: 'flexstackDisconnectProject',
        reads: [project('reports', 'connectionStatus', (d) => d.flexstackProject.connectionStatus), projectList()],
        mutate: (g) => g.gql(`mutation ($id: String!) { flexstackDisconnectProject(input: { id: $id }) { connectionStatus } }`, { id: projectId('reports') }),
      }),
    ],
    [
      'flexstackRemoveProjectMember',
      () => ({
        mutation: 'flexstackRemoveProjectMember',
        reads: [
          members('ledger'),
          {
            label: 'flexstackProjectMember',
            query: `query ($p: String!, $m: String!) { flexstackProjectMember(projectId: $p, memberId: $m) { memberId } }`,
            variables: { p: projectId('ledger'), m: personId('frank') },
            select: (d: any) => d.flexstackProjectMember,
            after: (value: unknown) => expect(value).toBeNull(),
          },
        ],
        mutate: (g) => g.gql(`mutation ($p: String!, $m: String!) { flexstackRemoveProjectMember(input: { projectId: $p, memberId: $m }) { deletedId } }`, { p: projectId('ledger'), m: personId('frank') }),
      }),
    ],
    [
      'flexstackAddProjectMembers',
      () => ({
        mutation: 'flexstackAddProjectMembers',
        reads: [members('ledger')],
        mutate: (g) => g.gql(`mutation ($p: String!, $m: [String!]!) { flexstackAddProjectMembers(input: { projectId: $p, memberIds: $m }) { members { memberId } } }`, { p: projectId('ledger'), m: [personId('frank')] }),
      }),
    ],
    [
      'flexstackUpdateProjectMember',
      () => ({
        mutation: 'flexstackUpdateProjectMember',
        reads: [
          members('ledger'),
          {
            label: 'flexstackProjectMember',
            query: `query ($p: String!, $m: String!) { flexstackProjectMember(projectId: $p, memberId: $m) { role } }`,
            variables: { p: projectId('ledger'), m: personId('frank') },
            select: (d: any) => d.flexstackProjectMember.role,
            after: (value: unknown) => expect(value).toBe('owner'),
          },
        ],
        mutate: (g) => g.gql(`mutation ($p: String!, $m: String!) { flexstackUpdateProjectMember(input: { projectId: $p, memberId: $m, role: OWNER }) { role } }`, { p: projectId('ledger'), m: personId('frank') }),
      }),
    ],
    [
      'flexstackCreateNotificationIntegration',
      () => ({
        mutation: 'flexstackCreateNotificationIntegration',
        reads: [integrations('ledger')],
        mutate: async (g) => {
          const created = await g.gql(
            `mutation ($p: String!) { flexstackCreateNotificationIntegration(input: { projectId: $p, type: WEBHOOK, config: { url: "https://hooks.example.com/x" }, notifications: { changelog: true } }) { integrationId } }`,
            { p: projectId('ledger') },
          );
          integrationId = ok(created)['flexstackCreateNotificationIntegration'].integrationId;
          return created;
        },
      }),
    ],
    [
      'flexstackUpdateNotificationIntegration',
      () => ({
        mutation: 'flexstackUpdateNotificationIntegration',
        reads: [integration('ledger'), integrations('ledger')],
        mutate: (g) =>
          g.gql(`mutation ($p: String!, $i: String!) { flexstackUpdateNotificationIntegration(input: { projectId: $p, integrationId: $i, notifications: { promotions: true } }) { integrationId } }`, {
            p: projectId('ledger'),
            i: integrationId,
          }),
      }),
    ],
    [
      'flexstackDeleteNotificationIntegration',
      () => ({
        mutation: 'flexstackDeleteNotificationIntegration',
        reads: [{ ...integration('ledger'), after: (value: unknown) => expect(value).toBeNull() }, integrations('ledger')],
        mutate: (g) => g.gql(`mutation ($p: String!, $i: String!) { flexstackDeleteNotificationIntegration(input: { projectId: $p, integrationId: $i }) { deletedId } }`, { p: projectId('ledger'), i: integrationId }),
      }),
    ],
    [
      'flexstackDeleteProject',
      () => ({
        mutation: 'flexstackDeleteProject',
        reads: [project('warehouse', 'name', (d) => d.flexstackProject), projectList((d) => names(d.flexstackProjects))],
        mutate: (g) => g.gql(`mutation ($id: String!) { flexstackDeleteProject(input: { id: $id }) { deletedId } }`, { id: projectId('warehouse') }),
      }),
    ],
  ];
}
