import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway({ env: { CACHE_ENABLED: 'true' } });

/** Makes GitLab answer `status` with `body` at paths matching `path` (and `method`), once. */
async function answer(path: string, body: unknown, options: { method?: string; status?: number } = {}): Promise<void> {
  await t.fault('gitlab', { path, status: options.status ?? 200, body, times: 1, ...(options.method === undefined ? {} : { method: options.method }) });
}

const unexpected = (status = 200) => ({ message: 'Unexpected response from GitLab', extensions: { code: 'UPSTREAM_ERROR', service: 'gitlab', status } });

describe('a GitLab answer of the wrong shape is an upstream error, not data', () => {
  it('a project that is not a project, and nothing of it cached', async () => {
    await answer('/api/v4/projects/1$', { unexpected: true });
    const result = await t.gql(`{ gitlabProject(idOrPath: "1") { name } }`);
    expect(result.data).toEqual({ gitlabProject: null });
    expect(result.errors).toEqual([expect.objectContaining({ ...unexpected(), path: ['gitlabProject'] })]);
    const again = await t.gql(`{ gitlabProject(idOrPath: "1") { name } }`);
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual({ gitlabProject: { name: 'Api' } });
  });

  it('a project without the fields every project carries (an id, a name, a full path)', async () => {
    await answer('/api/v4/projects/acme%2Fweb$', { id: 2, name: 'Web' });
    const result = await t.gql(`{ gitlabProject(idOrPath: "acme/web") { name } }`);
    expect(result.errors?.[0]).toMatchObject({ ...unexpected(), path: ['gitlabProject'] });
  });

  it('a project list that is not a list, a member list of strings, and hooks without their url', async () => {
    await answer('/api/v4/projects$', { projects: [] });
    const list = await t.gql(`{ gitlabProjects(first: 2) { edges { node { name } } } }`);
    expect(list.errors?.[0]).toMatchObject(unexpected());

    await answer('/api/v4/projects/1/members$', ['ada', 'grace']);
    const members = await t.gql(`{ gitlabProject(idOrPath: "1") { name members(first: 2) { edges { node { name } } } } }`);
    expect(members.errors?.[0]).toMatchObject({ ...unexpected(), path: ['gitlabProject', 'members'] });

    await answer('/api/v4/projects/1/hooks$', [{ id: 1, push_events: true }]);
    const hooks = await t.gql(`{ gitlabProject(idOrPath: "1") { name hooks(first: 2) { edges { node { url } } } } }`);
    expect(hooks.errors?.[0]).toMatchObject({ ...unexpected(), path: ['gitlabProject', 'hooks'] });
  });

  it('pipelines that are not pipelines, a latest pipeline without its status, and jobs without their names', async () => {
    await answer('/api/v4/projects/1/pipelines$', [{ id: 1, ref: 'main' }]);
    const list = await t.gql(`{ gitlabProject(idOrPath: "1") { name pipelines(first: 2) { edges { node { status } } } } }`);
    expect(list.errors?.[0]).toMatchObject({ ...unexpected(), path: ['gitlabProject', 'pipelines'] });

    await answer('/api/v4/projects/1/pipelines/latest$', { id: 9, project_id: 1 });
    const latest = await t.gql(`{ gitlabProject(idOrPath: "1") { name latestPipeline { status } } }`);
    expect(latest.data?.['gitlabProject']).toEqual({ name: 'Api', latestPipeline: null });
    expect(latest.errors?.[0]).toMatchObject({ ...unexpected(), path: ['gitlabProject', 'latestPipeline'] });

    const pipeline = t.simulators.gitlab.store.pipelines.find((candidate) => candidate.projectId === 1) as { id: number; status: string };
    await answer(`/api/v4/projects/1/pipelines/${pipeline.id}/jobs$`, { jobs: [] });
    const jobs = await t.gql(`query ($p: Int!) { gitlabProject(idOrPath: "1") { pipeline(pipelineId: $p) { status jobs { edges { node { name } } } } } }`, { p: pipeline.id });
    expect(jobs.errors?.[0]).toMatchObject({ ...unexpected(), path: ['gitlabProject', 'pipeline', 'jobs'] });
    // `jobs` is nullable: its failure costs only itself.
    expect(jobs.data?.['gitlabProject'].pipeline).toEqual({ status: pipeline.status, jobs: null });
  });

  it('a write answered with something that is not a member', async () => {
    const user = t.simulators.gitlab.store.users.find((candidate) => candidate.username === 'vint')?.id as number;
    await answer('/api/v4/projects/5/members$', '<html>Signed in</html>', { method: 'POST', status: 201 });
    const result = await t.gql(`mutation ($u: Int!) { gitlabAddMember(input: { projectId: "5", userId: $u, accessLevel: GUEST }) { userId } }`, { u: user });
    expect(result.errors?.[0]).toMatchObject({ ...unexpected(201), path: ['gitlabAddMember'] });
  });

  it('the cross-service list names GitLab among its failed services and keeps the others', async () => {
    await answer('/api/v4/projects$', { unexpected: true });
    const result = await t.gql(`{ projects(first: 4) { edges { node { service } } failedServices } }`);
    expect(result.data?.['projects'].failedServices).toEqual(['GITLAB']);
    expect(new Set(result.data?.['projects'].edges.map((edge: any) => edge.node.service))).toEqual(new Set(['CONCORD', 'FLEXSTACK']));
    expect(result.errors?.[0]).toMatchObject({ ...unexpected(), path: ['projects'] });
  });
});
