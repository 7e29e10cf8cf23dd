import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway({ env: { CACHE_ENABLED: 'true' } });

/** Makes FlexStack answer 200 with `body` at paths matching `path`, `times` times. */
async function answer(path: string, body: unknown, times = 1): Promise<void> {
  await t.fault('flexstack', { path, status: 200, body, times });
}

const unexpected = { message: 'Unexpected response from FlexStack', extensions: { code: 'UPSTREAM_ERROR', service: 'flexstack', status: 200 } };

describe('a FlexStack answer of the wrong shape is an upstream error, not data', () => {
  it('a project that is not a project', async () => {
    const id = t.simulators.flexstack.store.projects[0]?.id as string;
    await answer(`/v1/projects/${id}$`, { unexpected: true });
    const result = await t.gql(`query ($id: String!) { flexstackProject(id: $id) { name } }`, { id });
    expect(result.data).toEqual({ flexstackProject: null });
    expect(result.errors).toEqual([expect.objectContaining({ ...unexpected, path: ['flexstackProject'] })]);
    // Nothing of it was cached: the next read gets the real project.
    const again = await t.gql(`query ($id: String!) { flexstackProject(id: $id) { name } }`, { id });
    expect(again.errors).toBeUndefined();
    expect(again.data?.['flexstackProject']).toEqual({ name: t.simulators.flexstack.store.projects[0]?.name });
  });

  it('a list page without its list, and a list of things that are not members', async () => {
    await answer('/v1/projects$', { unexpected: true });
    const list = await t.gql(`{ flexstackProjects(first: 2) { edges { node { name } } } }`);
    expect(list.errors?.[0]).toMatchObject(unexpected);
    const id = t.simulators.flexstack.store.projects[0]?.id as string;
    await answer(`/v1/projects/${id}/members$`, { data: ['x'], has_more: false });
    const members = await t.gql(`query ($id: String!) { flexstackProject(id: $id) { name members(first: 2) { edges { node { name } } } } }`, { id });
    expect(members.errors?.[0]).toMatchObject({ ...unexpected, path: ['flexstackProject', 'members'] });
  });

  it('the cross-service list names FlexStack among its failed services and keeps the others', async () => {
    await answer('/v1/projects$', { unexpected: true });
    const result = await t.gql(`{ projects(first: 4) { edges { node { service } } failedServices } }`);
    expect(result.data?.['projects'].failedServices).toEqual(['FLEXSTACK']);
    expect(new Set(result.data?.['projects'].edges.map((edge: any) => edge.node.service))).toEqual(new Set(['GITLAB', 'CONCORD']));
    expect(result.errors?.[0]).toMatchObject({ ...unexpected, path: ['projects'] });
  });
});
