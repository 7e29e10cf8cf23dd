import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway({ env: { CACHE_ENABLED: 'true' } });

/** Makes CircleCI answer `status` (200 unless said) with `body` at paths matching `path`, once. */
async function answer(path: string, body: unknown, options: { method?: string; status?: number } = {}): Promise<void> {
  await t.fault('circleci', { path, status: options.status ?? 200, body, times: 1, ...(options.method === undefined ? {} : { method: options.method }) });
}

const unexpected = (status = 200) => ({ message: 'Unexpected response from CircleCI', extensions: { code: 'UPSTREAM_ERROR', service: 'circleci', status } });

describe('a CircleCI answer of the wrong shape is an upstream error, not data', () => {
  it('circleciMe from {"unexpected":true} is an error naming CircleCI, and is not cached', async () => {
    await answer('/api/v2/me$', { unexpected: true });
    const result = await t.gql(`{ circleciMe { login } }`);
    expect(result.data).toEqual({ circleciMe: null });
    expect(result.errors).toEqual([expect.objectContaining({ ...unexpected(), path: ['circleciMe'] })]);
    const again = await t.gql(`{ circleciMe { login } }`);
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual({ circleciMe: { login: 'ada' } });
  });

  it('a project that is not a project, or not JSON at all', async () => {
    for (const body of [{ unexpected: true }, 'not json at all', ['gh/acme/web'], { slug: 'gh/acme/web', name: 'web' }]) {
      await answer('/api/v2/project/gh/acme/web$', body);
      const result = await t.gql(`{ circleciProject(slug: "gh/acme/web") { name slug } }`);
      expect(result.data, JSON.stringify(body)).toEqual({ circleciProject: null });
      expect(result.errors, JSON.stringify(body)).toEqual([expect.objectContaining({ ...unexpected(), path: ['circleciProject'] })]);
    }
    const real = await t.gql(`{ circleciProject(slug: "gh/acme/web") { name slug } }`);
    expect(real.data).toEqual({ circleciProject: { name: 'web', slug: 'gh/acme/web' } });
  });

  it('a page without its items, items that are not pipelines, and a list that is not a list', async () => {
    await answer('/api/v2/project/gh/acme/api/pipeline$', { unexpected: true });
    const page = await t.gql(`{ circleciProject(slug: "gh/acme/api") { name pipelines(first: 2) { edges { node { number } } } } }`);
    expect(page.errors).toEqual([expect.objectContaining({ ...unexpected(), path: ['circleciProject', 'pipelines'] })]);
    await answer('/api/v2/project/gh/acme/api/pipeline$', { items: [{ id: 'x' }], next_page_token: null });
    const items = await t.gql(`{ circleciProject(slug: "gh/acme/api") { name pipelines(first: 2) { edges { node { number } } } } }`);
    expect(items.errors).toEqual([expect.objectContaining({ ...unexpected(), path: ['circleciProject', 'pipelines'] })]);
    await answer('/api/v2/me/collaborations$', { items: [] });
    const collaborations = await t.gql(`{ circleciCollaborations { edges { node { slug } } } }`);
    expect(collaborations.errors).toEqual([expect.objectContaining({ ...unexpected(), path: ['circleciCollaborations'] })]);
  });

  it("a workflow's jobs that come back as something else fail with an error at the jobs", async () => {
    const workflow = t.simulators.circleci.store.workflows[0]?.id as string;
    await answer(`/api/v2/workflow/${workflow}/job$`, { items: 'none' });
    const result = await t.gql(`query ($id: ID!) { circleciWorkflow(id: $id) { workflowId jobs { edges { node { name } } } } }`, { id: workflow });
    // The connection is nullable: the workflow stands, its jobs are null with the error.
    expect(result.data).toEqual({ circleciWorkflow: { workflowId: workflow, jobs: null } });
    expect(result.errors).toEqual([expect.objectContaining({ ...unexpected(), path: ['circleciWorkflow', 'jobs'] })]);
  });

  it('an answer looser than the spec where CircleCI is looser is still data: a job without its project slug', async () => {
    const workflow = t.simulators.circleci.store.workflows[0]?.id as string;
    const job = { id: '00000000-0000-4000-a000-0000000000aa', name: 'build', started_at: null, dependencies: [], status: 'success', type: 'build', job_number: 7 };
    await answer(`/api/v2/workflow/${workflow}/job$`, { items: [job], next_page_token: null });
    const result = await t.gql(`query ($id: ID!) { circleciWorkflow(id: $id) { jobs { edges { node { name jobNumber } } } } }`, { id: workflow });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['circleciWorkflow'].jobs.edges).toEqual([{ node: { name: 'build', jobNumber: 7 } }]);
  });

  it("a write's answer of the wrong shape is an error, though the write may have happened", async () => {
    await answer('/api/v2/project/gh/acme/api/envvar$', { ok: true }, { method: 'POST', status: 201 });
    const result = await t.gql(`mutation { circleciCreateProjectEnvVar(input: { projectSlug: "gh/acme/api", name: "SHAPE_PROOF", value: "v-1234" }) { envVar { name } } }`);
    expect(result.errors).toEqual([expect.objectContaining({ ...unexpected(201), path: ['circleciCreateProjectEnvVar'] })]);
  });
});
