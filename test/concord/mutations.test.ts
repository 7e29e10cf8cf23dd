import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const payload = `ok result projectId project { name fullName description visibility meta orgName cfg }`;
const create = `mutation ($input: ConcordCreateProjectInput!) { concordCreateProject(input: $input) { ${payload} } }`;
const update = `mutation ($input: ConcordUpdateProjectInput!) { concordUpdateProject(input: $input) { ${payload} } }`;

async function bodies(): Promise<{ method: string; path: string }[]> {
  return (await t.requests('concord')).map((r) => ({ method: r.method, path: r.path }));
}

describe('Concord project writes through GraphQL', () => {
  it('creates a project, then the same name again updates it (create-or-update), changing only the fields sent', async () => {
    const first = await t.gql(create, {
      input: { org: 'Default', name: 'new-service', fields: { description: 'first', visibility: 'PRIVATE', meta: { team: 'a' } }, cfg: { arguments: { x: 1 } } },
    });
    expect(first.errors).toBeUndefined();
    const created = first.data?.['concordCreateProject'];
    expect(created).toMatchObject({
      ok: true,
      result: 'CREATED',
      project: { name: 'new-service', fullName: 'Default/new-service', description: 'first', visibility: 'PRIVATE', meta: { team: 'a' }, cfg: { arguments: { x: 1 } } },
    });
    expect(created.projectId).toBe(t.simulators.concord.store.projects.find((p) => p.name === 'new-service')?.id);
    // Read first: an existing project's rawPayloadMode must be sent, or Concord's update would reset it.
    expect(await bodies()).toEqual([
      { method: 'GET', path: '/api/v2/org/Default/project/new-service' },
      { method: 'POST', path: '/api/v1/org/Default/project' },
      { method: 'GET', path: '/api/v2/org/Default/project/new-service' },
      { method: 'GET', path: '/api/v1/org/Default/project/new-service/cfg' },
    ]);

    const again = await t.gql(create, { input: { org: 'Default', name: 'new-service', fields: { description: 'second' } } });
    expect(again.data?.['concordCreateProject']).toMatchObject({
      result: 'UPDATED',
      projectId: created.projectId,
      project: { description: 'second', visibility: 'PRIVATE', meta: { team: 'a' }, cfg: { arguments: { x: 1 } } },
    });
  });

  it('updates by id (read first when only the name is given) and renames', async () => {
    const visibility = t.simulators.concord.store.projects.find((p) => p.name === 'acme-jobs')?.visibility;
    expect(visibility).toBe('PRIVATE');
    const result = await t.gql(update, { input: { org: 'acme', name: 'acme-jobs', newName: 'acme-batch', fields: { description: 'Batch jobs' } } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['concordUpdateProject']).toMatchObject({
      ok: true,
      result: 'UPDATED',
      project: { name: 'acme-batch', fullName: 'acme/acme-batch', description: 'Batch jobs', visibility },
    });
    expect(await bodies()).toEqual([
      { method: 'GET', path: '/api/v2/org/acme/project/acme-jobs' },
      { method: 'POST', path: '/api/v1/org/acme/project' },
      { method: 'GET', path: '/api/v2/org/acme/project/acme-batch' },
      { method: 'GET', path: '/api/v1/org/acme/project/acme-batch/cfg' },
    ]);
    const missing = await t.gql(update, { input: { org: 'acme', name: 'acme-jobs', fields: { description: 'x' } } });
    expect(missing.errors?.[0]).toMatchObject({ message: 'Concord: Project not found: acme-jobs', extensions: { code: 'NOT_FOUND', service: 'concord' } });
    expect(t.simulators.concord.store.projects.some((p) => p.name === 'acme-jobs')).toBe(false);
  });

  it('maps Concord validation errors (400, [{id, message}]) to BAD_USER_INPUT with details', async () => {
    const result = await t.gql(create, { input: { org: 'Default', name: 'long-description', fields: { description: 'x'.repeat(1025) } } });
    expect(result.errors?.[0]).toMatchObject({
      message: 'Concord: size must be between 0 and 1024',
      extensions: {
        code: 'BAD_USER_INPUT',
        service: 'concord',
        status: 400,
        details: [{ field: 'createOrUpdate.arg1.description', message: 'size must be between 0 and 1024' }],
      },
    });
  });

  it('rejects a name breaking Concord\'s pattern with BAD_USER_INPUT before any upstream call', async () => {
    for (const [mutation, input] of [
      [create, { org: 'Default', name: 'a' }],
      [create, { org: 'Default', name: '-leading-dash' }],
      [update, { org: 'Default', name: 'billing', newName: 'has space' }],
      [`mutation ($input: ConcordDeleteProjectInput!) { concordDeleteProject(input: $input) { ok } }`, { org: 'Default', name: 'x/y' }],
      [`mutation ($input: ConcordMoveProjectInput!) { concordMoveProject(input: $input) { ok } }`, { org: 'Default', name: 'billing' }],
      [`mutation ($input: ConcordUpdateConfigurationInput!) { concordUpdateConfiguration(input: $input) { ok } }`, { org: 'Default', name: 'billing', value: [1] }],
      [`mutation ($input: ConcordUpdateTeamAccessInput!) { concordUpdateTeamAccess(input: $input) { ok } }`, { org: 'Default', name: 'billing', access: { level: 'READER' } }],
      [`mutation ($input: ConcordBulkUpdateTeamAccessInput!) { concordBulkUpdateTeamAccess(input: $input) { ok } }`, { org: 'Default', name: 'b!', access: [] }],
    ] as const) {
      const result = await t.gql(mutation, { input });
      expect(result.errors?.[0]?.extensions?.['code'], JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    const first = await t.gql(create, { input: { org: 'Default', name: 'a' } });
    expect(first.errors?.[0]?.extensions?.['details']).toEqual([{ field: 'input.name', message: 'must match ^[0-9a-zA-Z][0-9a-zA-Z_@.\\-~]{2,127}$' }]);
    expect(await t.requests('concord')).toEqual([]);
  });

  it('deletes a project, and a second delete is NOT_FOUND from Concord\'s text/plain 404', async () => {
    const del = `mutation { concordDeleteProject(input: { org: "globex", name: "globex-billing" }) { ok result org name } }`;
    const result = await t.gql(del);
    expect(result.errors).toBeUndefined();
    expect(result.data?.['concordDeleteProject']).toEqual({ ok: true, result: 'DELETED', org: 'globex', name: 'globex-billing' });
    expect(await bodies()).toEqual([{ method: 'DELETE', path: '/api/v1/org/globex/project/globex-billing' }]);
    const again = await t.gql(del);
    expect(again.errors?.[0]).toMatchObject({ message: 'Concord: Project not found: globex-billing', extensions: { code: 'NOT_FOUND', status: 404 } });
  });

  it('moves a project to another organization by name, or by id', async () => {
    const byName = await t.gql(`mutation { concordMoveProject(input: { org: "Default", name: "tax", toOrgName: "acme" }) { ok result project { fullName orgName } } }`);
    expect(byName.errors).toBeUndefined();
    expect(byName.data?.['concordMoveProject']).toEqual({ ok: true, result: 'UPDATED', project: { fullName: 'acme/tax', orgName: 'acme' } });
    const globex = t.simulators.concord.store.orgByName('globex')?.id;
    const byId = await t.gql(`mutation ($id: String!) { concordMoveProject(input: { org: "acme", name: "tax", toOrgId: $id }) { ok result project { name } } }`, { id: globex });
    expect(byId.data?.['concordMoveProject']).toEqual({ ok: true, result: 'UPDATED', project: null });
    const store = t.simulators.concord.store;
    expect(store.projects.find((p) => p.name === 'tax')?.orgId).toBe(globex);
  });

  it('updates the whole configuration, or one value at a path', async () => {
    const mutation = `mutation ($input: ConcordUpdateConfigurationInput!) { concordUpdateConfiguration(input: $input) { ok result project { cfg env: cfg(path: "arguments/env") } } }`;
    const whole = await t.gql(mutation, { input: { org: 'Default', name: 'search', value: { arguments: { env: 'prod' } } } });
    expect(whole.errors).toBeUndefined();
    expect(whole.data?.['concordUpdateConfiguration']).toEqual({ ok: true, result: 'UPDATED', project: { cfg: { arguments: { env: 'prod' } }, env: 'prod' } });
    await t.clearRequests();
    const atPath = await t.gql(mutation, { input: { org: 'Default', name: 'search', path: 'arguments/env', value: 'staging' } });
    expect(atPath.data?.['concordUpdateConfiguration'].project).toEqual({ cfg: { arguments: { env: 'staging' } }, env: 'staging' });
    expect((await bodies())[0]).toEqual({ method: 'PUT', path: '/api/v1/org/Default/project/search/cfg/arguments/env' });
  });

  it('updates one team\'s access by name, then replaces the list in bulk by id', async () => {
    const store = t.simulators.concord.store;
    const ops = store.teams.find((team) => team.name === 'ops');
    const developers = store.teams.find((team) => team.name === 'developers');
    const access = `project { teamAccess { edges { node { name level } } } }`;
    const one = await t.gql(`mutation { concordUpdateTeamAccess(input: { org: "Default", name: "orders", access: { teamName: "ops", level: WRITER } }) { ok result ${access} } }`);
    expect(one.errors).toBeUndefined();
    expect(one.data?.['concordUpdateTeamAccess'].project.teamAccess.edges.map((e: any) => e.node)).toContainEqual({ name: 'ops', level: 'WRITER' });
    expect(store.projects.find((p) => p.name === 'orders')?.access.get(ops?.id ?? '')).toBe('WRITER');

    const bulk = await t.gql(
      `mutation ($a: String!, $b: String!) { concordBulkUpdateTeamAccess(input: { org: "Default", name: "orders", access: [{ teamId: $a, level: OWNER }, { teamId: $b, level: READER }] }) { ok result ${access} } }`,
      { a: developers?.id, b: ops?.id },
    );
    expect(bulk.errors).toBeUndefined();
    expect(bulk.data?.['concordBulkUpdateTeamAccess']).toEqual({
      ok: true,
      result: 'UPDATED',
      project: { teamAccess: { edges: [{ node: { name: 'developers', level: 'OWNER' } }, { node: { name: 'ops', level: 'READER' } }] } },
    });
    const posts = (await t.requests('concord')).filter((r) => r.method === 'POST').map((r) => r.path);
    expect(posts).toEqual(['/api/v1/org/Default/project/orders/access', '/api/v1/org/Default/project/orders/access/bulk']);
  });

  it('maps Concord\'s 403 text to FORBIDDEN for a key that may only read', async () => {
    const result = await t.gql(create, { input: { org: 'Default', name: 'not-allowed' } }, { 'x-concord-token': 'concord-token-viewer' });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', service: 'concord', status: 403 } });
    expect(result.errors?.[0]?.message).toContain('does not have permissions');
  });
});
