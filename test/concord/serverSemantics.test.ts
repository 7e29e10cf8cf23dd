import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';
import type { SimProject } from '../../src/simulators/concord/store.js';

const t = useTestGateway();

function simProject(org: string, name: string): SimProject {
  const store = t.simulators.concord.store;
  const project = store.projects.find((candidate) => candidate.name === name && candidate.orgId === store.orgByName(org)?.id);
  if (project === undefined) throw new Error(`no project ${org}/${name}`);
  return project;
}

async function calls(): Promise<string[]> {
  return (await t.requests('concord')).map((request) => `${request.method} ${request.path}`);
}

describe('Concord project updates keep what Concord resets when it is left out', () => {
  // ProjectManager.update resets an omitted rawPayloadMode to ORG_MEMBERS; every other field left out stays.
  it('an update of other fields keeps rawPayloadMode', async () => {
    simProject('Default', 'ledger').rawPayloadMode = 'OWNERS';
    const result = await t.gql(`mutation { concordUpdateProject(input: { org: "Default", name: "ledger", fields: { description: "Books" } }) { ok project { description rawPayloadMode } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.['concordUpdateProject']).toEqual({ ok: true, project: { description: 'Books', rawPayloadMode: 'OWNERS' } });
    expect(simProject('Default', 'ledger').rawPayloadMode).toBe('OWNERS');
  });

  it('an update given its project id still reads the project for its rawPayloadMode, and refuses an id of another project', async () => {
    const ledger = simProject('Default', 'ledger');
    ledger.rawPayloadMode = 'TEAM_MEMBERS';
    const mutation = `mutation ($id: String!) { concordUpdateProject(input: { org: "Default", name: "ledger", projectId: $id, fields: { description: "Journal" } }) { project { rawPayloadMode } } }`;
    const result = await t.gql(mutation, { id: ledger.id });
    expect(result.data?.['concordUpdateProject']).toEqual({ project: { rawPayloadMode: 'TEAM_MEMBERS' } });
    await t.clearRequests();
    const other = await t.gql(mutation, { id: simProject('Default', 'billing').id });
    expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', details: [{ field: 'input.projectId' }] } });
    expect(await calls()).toEqual(['GET /api/v2/org/Default/project/ledger']);
    expect(simProject('Default', 'billing').description).toBe('The billing project');
  });

  it('a rawPayloadMode given is sent as given, without reading the project when its id is given too', async () => {
    const ledger = simProject('Default', 'ledger');
    const result = await t.gql(`mutation ($id: String!) { concordUpdateProject(input: { org: "Default", name: "ledger", projectId: $id, fields: { rawPayloadMode: "EVERYONE" } }) { project { rawPayloadMode } } }`, {
      id: ledger.id,
    });
    expect(result.data?.['concordUpdateProject']).toEqual({ project: { rawPayloadMode: 'EVERYONE' } });
    expect((await calls())[0]).toBe('POST /api/v1/org/Default/project');
  });

  it('a move keeps rawPayloadMode', async () => {
    simProject('Default', 'warehouse').rawPayloadMode = 'OWNERS';
    const result = await t.gql(`mutation { concordMoveProject(input: { org: "Default", name: "warehouse", toOrgName: "globex" }) { ok project { fullName rawPayloadMode } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.['concordMoveProject']).toEqual({ ok: true, project: { fullName: 'globex/warehouse', rawPayloadMode: 'OWNERS' } });
  });

  it('a move of a project that does not exist is NOT_FOUND, and creates nothing', async () => {
    const result = await t.gql(`mutation { concordMoveProject(input: { org: "Default", name: "nowhere-yet", toOrgName: "globex" }) { ok } }`);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', service: 'concord' } });
    expect(t.simulators.concord.store.projects.some((project) => project.name === 'nowhere-yet')).toBe(false);
  });

  it('a create that finds the project and updates it keeps rawPayloadMode', async () => {
    simProject('Default', 'metrics').rawPayloadMode = 'EVERYONE';
    const result = await t.gql(`mutation { concordCreateProject(input: { org: "Default", name: "metrics", fields: { description: "Again" } }) { result project { description rawPayloadMode } } }`);
    expect(result.data?.['concordCreateProject']).toEqual({ result: 'UPDATED', project: { description: 'Again', rawPayloadMode: 'EVERYONE' } });
  });
});

describe('Concord configuration values reach Concord as JSON', () => {
  const set = `mutation ($path: String, $value: JSON!) { concordUpdateConfiguration(input: { org: "acme", name: "acme-api", path: $path, value: $value }) { ok project { cfg } } }`;

  it.each([
    ['a string', 'prod'],
    ['a string holding JSON', '{"replicas": 3}'],
    ['a string holding a number', '42'],
    ['a string holding true', 'true'],
    ['an empty string', ''],
    ['a number', 3.5],
    ['a boolean', false],
    ['a list', ['a', 1, { b: true }]],
    ['an object', { nested: { deeper: 'yes' } }],
  ])('%s is stored as that value at a path', async (_label, value) => {
    const result = await t.gql(set, { path: 'arguments/env', value });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['concordUpdateConfiguration'].ok).toBe(true);
    expect((simProject('acme', 'acme-api').cfg['arguments'] as Record<string, unknown>)['env']).toEqual(value);
    const read = await t.gql(`{ concordProject(org: "acme", name: "acme-api") { env: cfg(path: "arguments/env") } }`);
    // Concord's value read and null (nothing there) look alike.
    expect(read.data?.['concordProject'].env).toEqual(value);
  });

  it('Concord refuses a body that is not JSON, as the gateway never sends', async () => {
    const response = await fetch(`${t.simulators.concord.simulator.origin}/api/v1/org/acme/project/acme-api/cfg/arguments/env`, {
      method: 'PUT',
      headers: { authorization: 'demo-concord-token', 'content-type': 'application/json' },
      body: 'prod',
    });
    expect(response.status).toBe(400);
  });
});

describe('Concord bulk team access resolves team names to ids first', () => {
  const bulk = `mutation ($access: [ConcordTeamAccessInput!]!) { concordBulkUpdateTeamAccess(input: { org: "Default", name: "shipping", access: $access }) { ok project { teamAccess { edges { node { name orgName level } } } } } }`;

  it('names in the project organization and in another are read as teams, then sent as ids', async () => {
    const store = t.simulators.concord.store;
    const developers = store.teams.find((team) => team.name === 'developers');
    const result = await t.gql(bulk, {
      access: [
        { teamName: 'ops', level: 'WRITER' },
        { teamId: developers?.id, level: 'OWNER' },
        { teamName: 'platform', teamOrgName: 'acme', level: 'READER' },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['concordBulkUpdateTeamAccess'].project.teamAccess.edges.map((edge: any) => edge.node)).toEqual([
      { name: 'ops', orgName: 'Default', level: 'WRITER' },
      { name: 'developers', orgName: 'Default', level: 'OWNER' },
      { name: 'platform', orgName: 'acme', level: 'READER' },
    ]);
    const sent = await calls();
    expect(sent.slice(0, 3).sort()).toEqual(['GET /api/v1/org/Default/team/ops', 'GET /api/v1/org/acme/team/platform', 'POST /api/v1/org/Default/project/shipping/access/bulk']);
    expect(sent[2]).toBe('POST /api/v1/org/Default/project/shipping/access/bulk');
  });

  it('a team name Concord does not know is NOT_FOUND, and the list is not replaced', async () => {
    const before = new Map(simProject('Default', 'shipping').access);
    const result = await t.gql(bulk, { access: [{ teamName: 'nobody-here', level: 'READER' }] });
    expect(result.errors?.[0]).toMatchObject({ message: 'Concord: Team not found: nobody-here', extensions: { code: 'NOT_FOUND', service: 'concord', status: 404 } });
    expect(await calls()).toEqual(['GET /api/v1/org/Default/team/nobody-here']);
    expect(simProject('Default', 'shipping').access).toEqual(before);
  });

  it('Concord itself fails a bulk rule without a team id, changing nothing', async () => {
    const before = new Map(simProject('Default', 'shipping').access);
    const response = await fetch(`${t.simulators.concord.simulator.origin}/api/v1/org/Default/project/shipping/access/bulk`, {
      method: 'POST',
      headers: { authorization: 'demo-concord-token', 'content-type': 'application/json' },
      body: JSON.stringify([{ orgName: 'Default', teamName: 'ops', level: 'READER' }]),
    });
    expect(response.status).toBe(500);
    expect(simProject('Default', 'shipping').access).toEqual(before);
  });
});
