import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway({ env: { CACHE_ENABLED: 'true' } });

/** Makes Concord answer 200 with `body` at paths matching `path` (and `method`), once. */
async function answer(path: string, body: unknown, method?: string): Promise<void> {
  await t.fault('concord', { path, status: 200, body, times: 1, ...(method === undefined ? {} : { method }) });
}

const unexpected = { message: 'Unexpected response from Concord', extensions: { code: 'UPSTREAM_ERROR', service: 'concord', status: 200 } };
const project = `query { concordProject(org: "acme", name: "acme-web") { name description } }`;

describe('a Concord answer of the wrong shape is an upstream error, not data', () => {
  it('a project that is not a project, and nothing of it is cached', async () => {
    await answer('/api/v2/org/acme/project/acme-web$', { unexpected: true });
    const result = await t.gql(project);
    expect(result.data).toEqual({ concordProject: null });
    expect(result.errors).toEqual([expect.objectContaining({ ...unexpected, path: ['concordProject'] })]);
    const again = await t.gql(project);
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual({ concordProject: { name: 'acme-web', description: 'The acme-web project' } });
  });

  it('a project list that is not a list, and a list of projects without their names', async () => {
    const list = `{ concordProjects(org: "acme", first: 2) { edges { node { name } } } }`;
    await answer('/api/v1/org/acme/project$', { unexpected: true });
    expect((await t.gql(list)).errors?.[0]).toMatchObject(unexpected);
    await answer('/api/v1/org/acme/project$', [{ id: 'f1b0a3de-0000-4000-8000-000000000000' }]);
    expect((await t.gql(list)).errors?.[0]).toMatchObject(unexpected);
  });

  it('team access that is not a list of access rules', async () => {
    await answer('/api/v1/org/acme/project/acme-web/access$', [{ teamName: 'platform' }]);
    const result = await t.gql(`{ concordProject(org: "acme", name: "acme-web") { name teamAccess { edges { node { name } } } } }`);
    expect(result.data?.['concordProject']).toEqual({ name: 'acme-web', teamAccess: null });
    expect(result.errors?.[0]).toMatchObject({ ...unexpected, path: ['concordProject', 'teamAccess'] });
  });

  it('a whole configuration that is not an object', async () => {
    await answer('/api/v1/org/acme/project/acme-web/cfg$', ['not', 'an', 'object']);
    const result = await t.gql(`{ concordProject(org: "acme", name: "acme-web") { name cfg } }`);
    expect(result.data).toEqual({ concordProject: { name: 'acme-web', cfg: null } });
    expect(result.errors?.[0]).toMatchObject({ ...unexpected, path: ['concordProject', 'cfg'] });
  });

  it('a write answered with something other than an operation result', async () => {
    await answer('/api/v1/org/acme/project/acme-api/cfg/arguments/env$', { unexpected: true }, 'PUT');
    const result = await t.gql(`mutation { concordUpdateConfiguration(input: { org: "acme", name: "acme-api", path: "arguments/env", value: "qa" }) { ok } }`);
    expect(result.errors?.[0]).toMatchObject({ ...unexpected, path: ['concordUpdateConfiguration'] });
  });

  it('the cross-service list names Concord among its failed services and keeps the others', async () => {
    await answer('/api/v1/org/Default/project$', { unexpected: true });
    const result = await t.gql(`{ projects(first: 4) { edges { node { service } } failedServices } }`);
    expect(result.data?.['projects'].failedServices).toEqual(['CONCORD']);
    expect(new Set(result.data?.['projects'].edges.map((edge: any) => edge.node.service))).toEqual(new Set(['GITLAB', 'FLEXSTACK']));
    expect(result.errors?.[0]).toMatchObject({ ...unexpected, path: ['projects'] });
  });
});
