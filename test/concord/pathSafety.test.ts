import { describe, expect, it } from 'vitest';
import { expectNodeWithoutCall, expectRefused, hiddenDotSegments, sentPaths } from '../helpers/pathSafety.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

/** The Concord paths the simulator was asked for since the last clear. */
const paths = (): Promise<string[]> => sentPaths(t, 'concord');

/** Names and keys that must never reach Concord as a path of their own. */
const badNames = [
  '..',
  '.',
  '',
  '../../../me',
  'a/b/../../../../../etc/passwd',
  '%2e%2e',
  '..%2f..%2fv1%2forg',
  '%2e%2e%2f',
  'billing/../tax',
  'bil\nling',
  'bil\u0000ling',
  'bil\u2028ling',
  'x'.repeat(129),
  'ab',
  '-billing',
];

describe('Concord reads: names and paths stay inside their own path segment', () => {
  it.each(badNames)('%j is refused as a project or organization name before any call', async (bad) => {
    const byName = await t.gql(`query ($name: String!) { concordProject(org: "Default", name: $name) { name } }`, { name: bad });
    expectRefused(byName.errors);
    const byOrg = await t.gql(`query ($org: String!) { concordProject(org: $org, name: "billing") { name } }`, { org: bad });
    expectRefused(byOrg.errors);
    const list = await t.gql(`query ($org: String!) { concordProjects(org: $org, first: 2) { edges { node { name } } } }`, { org: bad });
    expectRefused(list.errors);
    expect(await paths()).toEqual([]);
  });

  it.each(['../../access', 'arguments/../../../../v2/org/Default/project/tax', '..', 'a//b', '/arguments', 'arguments/', 'argu\nments/env', 'a\u0000/b', '/'])(
    'cfg(path: %j) is refused before its call; only the project is read',
    async (path) => {
      const result = await t.gql(`query ($path: String!) { concordProject(org: "Default", name: "billing") { name cfg(path: $path) } }`, { path });
      expect(result.data).toEqual({ concordProject: { name: 'billing', cfg: null } });
      expect(result.errors).toEqual([expect.objectContaining({ path: ['concordProject', 'cfg'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
      expect(await paths()).toEqual(['GET /api/v2/org/Default/project/billing']);
    },
  );

  it('a reserved character or a percent sign in a configuration key stays inside that key', async () => {
    const result = await t.gql(`{
      concordProject(org: "Default", name: "billing") {
        percent: cfg(path: "%2e%2e%2e/x")
        reserved: cfg(path: "arguments/my key?#")
        dotted: cfg(path: "arguments/my.key")
      }
    }`);
    // Concord has nothing under these keys: its 404 ("Value not found") is null.
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ concordProject: { percent: null, reserved: null, dotted: null } });
    expect((await paths()).sort()).toEqual([
      'GET /api/v1/org/Default/project/billing/cfg/%252e%252e%252e/x',
      'GET /api/v1/org/Default/project/billing/cfg/arguments/my%20key%3F%23',
      'GET /api/v1/org/Default/project/billing/cfg/arguments/my.key',
      'GET /api/v2/org/Default/project/billing',
    ]);
  });

  it.each(hiddenDotSegments)('a configuration path or name holding a hidden dot segment, %j, is refused before its call', async (bad) => {
    const read = await t.gql(`query ($path: String!) { concordProject(org: "Default", name: "billing") { name cfg(path: $path) } }`, { path: bad });
    expect(read.data).toEqual({ concordProject: { name: 'billing', cfg: null } });
    expectRefused(read.errors);
    const nested = await t.gql(`query ($path: String!) { concordProject(org: "Default", name: "billing") { cfg(path: $path) } }`, { path: `arguments/${bad}` });
    expectRefused(nested.errors);
    const write = await t.gql(`mutation ($input: ConcordUpdateConfigurationInput!) { concordUpdateConfiguration(input: $input) { ok } }`, {
      input: { org: 'Default', name: 'billing', path: bad, value: 1 },
    });
    expectRefused(write.errors);
    const byName = await t.gql(`query ($name: String!) { concordProject(org: "Default", name: $name) { name } }`, { name: bad });
    expectRefused(byName.errors);
    expect(await paths()).toEqual(['GET /api/v2/org/Default/project/billing', 'GET /api/v2/org/Default/project/billing']);
  });

  it.each([
    ['ConcordProject', 'Default/..'],
    ['ConcordProject', '../billing'],
    ['ConcordProject', 'Default/a/../../../../etc/passwd'],
    ['ConcordProject', 'Default/%2e%2e'],
    ['ConcordProject', 'Default/bil\nling'],
    ['ConcordTeamAccess', 'Default/../x/0b2a4c7e-0000-4000-8000-000000000000'],
    ['ConcordTeamAccess', '../../v1/org/Default/project/billing/team'],
    ['ConcordTeamAccess', 'Default/billing/../../access'],
  ])('node(id:) of a %s whose key is %j makes no call', async (typename, key) => {
    await expectNodeWithoutCall(t, 'concord', typename, key);
  });
});

describe('Concord writes: names and paths stay inside their own path segment', () => {
  const mutations: readonly (readonly [string, string, Record<string, unknown>])[] = [
    ['create', `mutation ($input: ConcordCreateProjectInput!) { concordCreateProject(input: $input) { ok } }`, { org: '..', name: 'ok-name' }],
    ['create', `mutation ($input: ConcordCreateProjectInput!) { concordCreateProject(input: $input) { ok } }`, { org: 'Default', name: '../../v1/org' }],
    ['update', `mutation ($input: ConcordUpdateProjectInput!) { concordUpdateProject(input: $input) { ok } }`, { org: 'Default', name: '..' }],
    ['rename', `mutation ($input: ConcordUpdateProjectInput!) { concordUpdateProject(input: $input) { ok } }`, { org: 'Default', name: 'billing', newName: '../tax' }],
    ['delete', `mutation ($input: ConcordDeleteProjectInput!) { concordDeleteProject(input: $input) { ok } }`, { org: 'Default', name: 'a/b/../../../../../etc/passwd' }],
    ['delete', `mutation ($input: ConcordDeleteProjectInput!) { concordDeleteProject(input: $input) { ok } }`, { org: '%2e%2e', name: 'billing' }],
    ['move', `mutation ($input: ConcordMoveProjectInput!) { concordMoveProject(input: $input) { ok } }`, { org: 'Default', name: 'billing', toOrgName: '..' }],
    ['cfg', `mutation ($input: ConcordUpdateConfigurationInput!) { concordUpdateConfiguration(input: $input) { ok } }`, { org: 'Default', name: 'billing', path: '../../access', value: 1 }],
    ['cfg', `mutation ($input: ConcordUpdateConfigurationInput!) { concordUpdateConfiguration(input: $input) { ok } }`, { org: 'Default', name: 'billing', path: 'a//b', value: 1 }],
    ['cfg', `mutation ($input: ConcordUpdateConfigurationInput!) { concordUpdateConfiguration(input: $input) { ok } }`, { org: 'Default', name: 'billing', path: '/', value: 1 }],
    ['cfg', `mutation ($input: ConcordUpdateConfigurationInput!) { concordUpdateConfiguration(input: $input) { ok } }`, { org: 'Default', name: 'billing', path: 'a/\u0007', value: 1 }],
    ['cfg', `mutation ($input: ConcordUpdateConfigurationInput!) { concordUpdateConfiguration(input: $input) { ok } }`, { org: 'Default', name: 'billing', path: Array(33).fill('k').join('/'), value: 1 }],
    ['access', `mutation ($input: ConcordUpdateTeamAccessInput!) { concordUpdateTeamAccess(input: $input) { ok } }`, { org: 'Default', name: '..', access: { teamName: 'ops', level: 'READER' } }],
    ['access', `mutation ($input: ConcordUpdateTeamAccessInput!) { concordUpdateTeamAccess(input: $input) { ok } }`, { org: 'Default', name: 'billing', access: { teamName: 'ops/../../x', level: 'READER' } }],
    ['bulk', `mutation ($input: ConcordBulkUpdateTeamAccessInput!) { concordBulkUpdateTeamAccess(input: $input) { ok } }`, { org: 'Default', name: 'billing', access: [{ teamName: '../../project/tax', level: 'READER' }] }],
    ['bulk', `mutation ($input: ConcordBulkUpdateTeamAccessInput!) { concordBulkUpdateTeamAccess(input: $input) { ok } }`, { org: 'Default', name: 'billing', access: [{ teamName: 'ops', teamOrgName: '..', level: 'READER' }] }],
    ['bulk', `mutation ($input: ConcordBulkUpdateTeamAccessInput!) { concordBulkUpdateTeamAccess(input: $input) { ok } }`, { org: 'Default', name: 'billing', access: [{ teamName: 'op\ns', level: 'READER' }] }],
  ];

  it.each(mutations)('%s with %j is refused before any call', async (_kind, mutation, input) => {
    const result = await t.gql(mutation, { input });
    expectRefused(result.errors);
    expect(await paths()).toEqual([]);
    expect(t.simulators.concord.store.projects.some((project) => project.name === 'billing')).toBe(true);
  });

  it('a configuration key with reserved characters is written at that key, in one segment', async () => {
    const result = await t.gql(`mutation { concordUpdateConfiguration(input: { org: "Default", name: "catalog", path: "arguments/a b?c#d%2e", value: 7 }) { ok project { v: cfg(path: "arguments/a b?c#d%2e") } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.['concordUpdateConfiguration']).toEqual({ ok: true, project: { v: 7 } });
    const project = t.simulators.concord.store.projects.find((candidate) => candidate.name === 'catalog');
    expect((project?.cfg['arguments'] as Record<string, unknown>)['a b?c#d%2e']).toBe(7);
    expect((await paths()).filter((path) => path.startsWith('PUT'))).toEqual(['PUT /api/v1/org/Default/project/catalog/cfg/arguments/a%20b%3Fc%23d%252e']);
  });
});
