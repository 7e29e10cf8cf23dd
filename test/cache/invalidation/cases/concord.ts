import type { TestGateway } from '../../../helpers/startTestGateway.js';
import { expect } from 'vitest';
import { type CaseList, type InvalidationCase, type StaleRead } from '../harness.js';

// The admin writes; the read-only user reads the same projects.
export const concordCredentials = [{}, { 'x-concord-token': 'concord-token-viewer' }];

/** Concord mutations and the reads each makes stale, in order (later cases use what earlier ones created). */
export function concordCases(_gw: () => TestGateway): CaseList {
  const list = (org: string, fields = 'name description'): StaleRead => ({
    label: `concordProjects(${org})`,
    query: `query ($org: String!) { concordProjects(org: $org, first: 50) { edges { node { ${fields} } } } }`,
    variables: { org },
    select: (d) => d.concordProjects.edges.map((e: any) => e.node),
  });
  const project = (org: string, name: string, fields: string, after?: (value: any) => void): StaleRead => ({
    label: `concordProject(${org}/${name}) { ${fields} }`,
    query: `query ($org: String!, $name: String!) { concordProject(org: $org, name: $name) { ${fields} } }`,
    variables: { org, name },
    select: (d) => d.concordProject,
    after,
  });
  const access = (name: string): StaleRead => project('acme', name, 'teamAccess(first: 20) { edges { node { name level } } }');
  const payload = '{ ok result }';

  const cases: InvalidationCase[] = [
    {
      mutation: 'concordCreateProject',
      // A missing project is an upstream 404, never cached: only the list can be stale.
      reads: [list('acme', 'name')],
      mutate: (g) => g.gql(`mutation { concordCreateProject(input: { org: "acme", name: "acme-docs" }) ${payload} }`),
    },
    {
      mutation: 'concordUpdateProject',
      reads: [list('acme'), project('acme', 'acme-web', 'description', (value) => expect(value).toEqual({ description: 'Renewed' }))],
      mutate: (g) => g.gql(`mutation { concordUpdateProject(input: { org: "acme", name: "acme-web", fields: { description: "Renewed" } }) ${payload} }`),
    },
    {
      mutation: 'concordUpdateProject (rename)',
      reads: [list('acme', 'name'), project('acme', 'acme-docs', 'name', (value) => expect(value).toBeNull())],
      mutate: (g) => g.gql(`mutation { concordUpdateProject(input: { org: "acme", name: "acme-docs", newName: "acme-handbook" }) ${payload} }`),
    },
    {
      mutation: 'concordUpdateConfiguration',
      reads: [project('acme', 'acme-web', 'cfg'), project('acme', 'acme-web', 'cfg(path: "arguments/env")', (value) => expect(value).toEqual({ cfg: 'prod' }))],
      mutate: (g) => g.gql(`mutation { concordUpdateConfiguration(input: { org: "acme", name: "acme-web", path: "arguments/env", value: "prod" }) ${payload} }`),
    },
    {
      mutation: 'concordUpdateTeamAccess',
      reads: [access('acme-api')],
      mutate: (g) => g.gql(`mutation { concordUpdateTeamAccess(input: { org: "acme", name: "acme-api", access: { teamName: "security", level: OWNER } }) ${payload} }`),
    },
    {
      mutation: 'concordBulkUpdateTeamAccess',
      reads: [access('acme-jobs')],
      mutate: (g) => g.gql(`mutation { concordBulkUpdateTeamAccess(input: { org: "acme", name: "acme-jobs", access: [{ teamName: "platform", level: READER }] }) ${payload} }`),
    },
    {
      mutation: 'concordMoveProject',
      reads: [list('acme', 'name'), list('globex', 'name'), project('acme', 'acme-handbook', 'orgName', (value) => expect(value).toBeNull())],
      mutate: (g) => g.gql(`mutation { concordMoveProject(input: { org: "acme", name: "acme-handbook", toOrgName: "globex" }) ${payload} }`),
    },
    {
      mutation: 'concordDeleteProject',
      reads: [list('globex', 'name'), project('globex', 'acme-handbook', 'name', (value) => expect(value).toBeNull())],
      mutate: (g) => g.gql(`mutation { concordDeleteProject(input: { org: "globex", name: "acme-handbook" }) { ok } }`),
    },
  ];
  return cases.map((c): [string, () => InvalidationCase] => [c.mutation, () => c]);
}
