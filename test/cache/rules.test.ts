import { describe, expect, it } from 'vitest';
import { CachePolicy, exactTag, pathPrefixes, routeTag, subtreeTag, unclassifiedRead, type ReadClass } from '../../src/cache/CachePolicy.js';
import type { serviceNames } from '../../src/config/ServiceName.js';
import type { SessionRead, SessionWrite, UpstreamSession } from '../../src/upstreams/http/UpstreamSession.js';
import { apiOf, type Api } from '../../src/upstreams/call.js';
import { gitLabCacheRules } from '../../src/upstreams/gitlab/cacheRules.js';
import { gitLabOperations } from '../../src/upstreams/gitlab/operations.js';
import { ghesCacheRules } from '../../src/upstreams/ghes/cacheRules.js';
import { ghesOperations } from '../../src/upstreams/ghes/operations.js';
import { concordCacheRules } from '../../src/upstreams/concord/cacheRules.js';
import { concordOperations } from '../../src/upstreams/concord/operations.js';
import { circleCiApi, type CircleCiApi } from '../../src/upstreams/circleci/api.js';
import { circleCiCacheRules } from '../../src/upstreams/circleci/cacheRules.js';
import { circleCiOperations } from '../../src/upstreams/circleci/operations.js';
import { flexStackCacheRules } from '../../src/upstreams/flexstack/cacheRules.js';
import { flexStackOperations } from '../../src/upstreams/flexstack/operations.js';

const policy = new CachePolicy();

/** How the GHES operation `id` is read: its rule's kind and final states, under its own path. */
function ghesRead(id: 'getPreReceiveEnvironment' | 'listPreReceiveEnvironments'): ReadClass {
  const rule = ghesCacheRules[id];
  return { kind: rule.kind, route: ghesOperations[id].path, finished: rule.finished };
}

const sentinel = new Error('recorded');

/** What one CircleCI operation hands its session: a read (its path and read class) or a write (its path and purges). */
async function sent(call: (api: CircleCiApi) => Promise<unknown>): Promise<{ read?: SessionRead; write?: SessionWrite }> {
  const seen: { read?: SessionRead; write?: SessionWrite } = {};
  const session = {
    read: (read: SessionRead) => {
      seen.read = read;
      throw sentinel;
    },
    write: (write: SessionWrite) => {
      seen.write = write;
      throw sentinel;
    },
  } as unknown as UpstreamSession;
  await expect(Promise.resolve().then(() => call(circleCiApi(session)))).rejects.toBe(sentinel);
  return seen;
}

/** How a CircleCI read is cached, as its operation says. */
async function readClass(call: (api: CircleCiApi) => Promise<unknown>) {
  const { read } = await sent(call);
  if (read?.read === undefined) throw new Error('not a read');
  return read.read;
}

/** Every tag a CircleCI write purges, from its operation's path and purges. */
async function writeTags(call: (api: CircleCiApi) => Promise<unknown>): Promise<string[]> {
  const { write } = await sent(call);
  if (write === undefined) throw new Error('not a write');
  return policy.writeTags('circleci', write.method, write.path, write.purges ?? []);
}

const [p1, w1, s1, o1] = ['10000000-0000-4000-a000-000000000001', '20000000-0000-4000-a000-000000000002', '30000000-0000-4000-a000-000000000003', '40000000-0000-4000-a000-000000000004'];

describe('path prefixes', () => {
  it('lists every ancestor of a path, and the path', () => {
    expect(pathPrefixes('/a/b/c')).toEqual(['/a', '/a/b', '/a/b/c']);
    expect(pathPrefixes('/project/gh/a%2Fb/api')).toEqual(['/project', '/project/gh', '/project/gh/a%2Fb', '/project/gh/a%2Fb/api']);
  });
});

describe('cache policy: kinds and TTLs', () => {
  it('classifies CircleCI reads by operation and decides run TTLs from the status in the body', async () => {
    const workflow = await readClass((api) => api.getWorkflowById({ path: { id: w1 } }));
    expect(workflow).toEqual({ kind: 'run', route: '/workflow/{id}', finished: undefined });
    expect(policy.ttlKind('circleci', workflow, { status: 'success' })).toBe('RUN_FINISHED');
    expect(policy.ttlKind('circleci', workflow, { status: 'running' })).toBe('RUN_ACTIVE');
    expect(policy.ttlKind('circleci', workflow, { status: 'on_hold' })).toBe('RUN_ACTIVE');
    expect(policy.ttlKind('circleci', workflow, {})).toBe('RUN_ACTIVE');
    const pipeline = await readClass((api) => api.getPipelineById({ path: { 'pipeline-id': p1 } }));
    expect(policy.ttlKind('circleci', pipeline, { state: 'created' })).toBe('RUN_FINISHED');
    expect(policy.ttlKind('circleci', pipeline, { state: 'setup-pending' })).toBe('RUN_ACTIVE');
    const runs = await readClass((api) => api.listWorkflowsByPipelineId({ path: { 'pipeline-id': p1 } }));
    expect(policy.ttlKind('circleci', runs, { items: [{ status: 'success' }, { status: 'failed' }] })).toBe('LIST');
    expect(policy.ttlKind('circleci', runs, { items: [{ status: 'success' }, { status: 'running' }] })).toBe('RUN_ACTIVE');
    expect(policy.ttlKind('circleci', await readClass((api) => api.getProjectBySlug({ path: { 'project-slug': 'gh/acme/api' } })), {})).toBe('OBJECT');
    expect(policy.ttlKind('circleci', await readClass((api) => api.listEnvVars({ path: { 'project-slug': 'gh/acme/api' } })), { items: [] })).toBe('SETTINGS');
    expect(policy.ttlKind('circleci', await readClass((api) => api.getPipelineConfigById({ path: { 'pipeline-id': p1 } })), {})).toBe('RUN_FINISHED');
  });

  it("decides a run's TTL from the read rule's own final states when it has them (CircleCI usage exports, GHES environments)", async () => {
    const job = await readClass((api) => api.getUsageExport({ path: { org_id: o1, usage_export_job_id: s1 } }));
    expect(job).toMatchObject({ kind: 'run', route: '/organizations/{org_id}/usage_export_job/{usage_export_job_id}' });
    // `created` is final for a pipeline (the service's states), not for an export job.
    expect(['created', 'processing', 'completed', 'failed'].map((state) => policy.ttlKind('circleci', job, { state }))).toEqual(['RUN_ACTIVE', 'RUN_ACTIVE', 'RUN_FINISHED', 'RUN_FINISHED']);
    expect(policy.ttlKind('circleci', await readClass((api) => api.getPipelineById({ path: { 'pipeline-id': p1 } })), { state: 'created' })).toBe('RUN_FINISHED');
    const environment = ghesRead('getPreReceiveEnvironment');
    expect(['not_started', 'in_progress', 'success', 'failed'].map((state) => policy.ttlKind('ghes', environment, { id: 2, download: { state } }))).toEqual([
      'RUN_ACTIVE',
      'RUN_ACTIVE',
      'RUN_FINISHED',
      'RUN_FINISHED',
    ]);
    const environments = ghesRead('listPreReceiveEnvironments');
    expect(policy.ttlKind('ghes', environments, [{ download: { state: 'success' } }, { download: { state: 'failed' } }])).toBe('LIST');
    expect(policy.ttlKind('ghes', environments, [{ download: { state: 'success' } }, { download: { state: 'in_progress' } }])).toBe('RUN_ACTIVE');
  });

  it('falls back to the body shape for a read that names no operation', () => {
    const unknown = unclassifiedRead;
    expect(unknown.route).toBeUndefined();
    expect(policy.ttlKind('flexstack', unknown, { data: [], has_more: false })).toBe('LIST');
    expect(policy.ttlKind('flexstack', unknown, [])).toBe('LIST');
    expect(policy.ttlKind('flexstack', unknown, { id: 'x' })).toBe('OBJECT');
    expect(policy.ttlKind('concord', { kind: 'run', route: undefined }, { status: 'FINISHED' })).toBe('RUN_FINISHED');
  });

  it('tags an entry by exact path, every prefix and its read rule', async () => {
    const { read } = await sent((api) => api.listWorkflowsByPipelineId({ path: { 'pipeline-id': p1 } }));
    expect(policy.entryTags('circleci', read?.path ?? '', read?.read ?? { kind: 'none', route: undefined })).toEqual([
      `x:circleci:/pipeline/${p1}/workflow`,
      's:circleci:/pipeline',
      `s:circleci:/pipeline/${p1}`,
      `s:circleci:/pipeline/${p1}/workflow`,
      't:circleci:/pipeline/{pipeline-id}/workflow',
    ]);
  });
});

describe('cache policy: what writes purge', () => {
  it('a DELETE purges the object and below, its list, its parent and the parent list', () => {
    expect(new Set(policy.writeTags('gitlab', 'DELETE', '/projects/5/variables/TOKEN'))).toEqual(
      new Set([subtreeTag('gitlab', '/projects/5/variables/TOKEN'), exactTag('gitlab', '/projects/5/variables'), exactTag('gitlab', '/projects/5'), exactTag('gitlab', '/projects')]),
    );
  });

  it('CircleCI: writes purge the reads their path does not name', async () => {
    expect(await writeTags((api) => api.continuePipeline({ body: {} }))).toEqual(
      expect.arrayContaining([
        routeTag('circleci', '/pipeline/{pipeline-id}'),
        routeTag('circleci', '/pipeline/{pipeline-id}/config'),
        routeTag('circleci', '/project/{project-slug}/pipeline/{pipeline-number}'),
      ]),
    );
    const web = { 'project-slug': 'gh/acme/web' };
    expect(await writeTags((api) => api.createEnvVar({ path: web, body: {} }))).toContain(subtreeTag('circleci', '/project/gh/acme/web/envvar'));
    expect(await writeTags((api) => api.createCheckoutKey({ path: web, body: {} }))).toContain(subtreeTag('circleci', '/project/gh/acme/web/checkout-key'));
    expect(await writeTags((api) => api.updateSchedule({ path: { 'schedule-id': s1 }, body: {} }))).toContain(routeTag('circleci', '/project/{project-slug}/schedule'));
    expect(await writeTags((api) => api.deleteScheduleById({ path: { 'schedule-id': s1 } }))).toContain(routeTag('circleci', '/project/{project-slug}/schedule'));
    expect(await writeTags((api) => api.CreatePolicyBundle({ path: { ownerID: o1, context: 'config' }, body: {} }))).toContain(
      subtreeTag('circleci', `/owner/${o1}/context/config/policy-bundle`),
    );
  });

  it('a POST purges the collection it posts to, not everything below it, and what its operation names', () => {
    const tags = policy.writeTags('flexstack', 'POST', '/projects', [{ route: '/orgs/{org_id}/projects' }]);
    expect(tags).toContain(exactTag('flexstack', '/projects'));
    expect(tags).not.toContain(subtreeTag('flexstack', '/projects'));
    expect(tags).toContain(routeTag('flexstack', '/orgs/{org_id}/projects'));
  });

  it('CircleCI: triggering a pipeline purges the project pipeline lists and the organisation list', async () => {
    const tags = await writeTags((api) => api.triggerPipeline({ path: { 'project-slug': 'gh/acme/api' }, body: {} }));
    expect(tags).toEqual(expect.arrayContaining([subtreeTag('circleci', '/project/gh/acme/api/pipeline'), exactTag('circleci', '/pipeline'), exactTag('circleci', '/project/gh/acme/api')]));
    expect(tags).not.toContain(subtreeTag('circleci', '/project/gh/acme/api'));
  });

  it('CircleCI: cancelling a workflow purges it, its jobs and every pipeline workflow list', async () => {
    const tags = await writeTags((api) => api.cancelWorkflow({ path: { id: w1 } }));
    expect(tags).toEqual(
      expect.arrayContaining([
        exactTag('circleci', `/workflow/${w1}`),
        subtreeTag('circleci', `/workflow/${w1}`),
        routeTag('circleci', '/pipeline/{pipeline-id}/workflow'),
        routeTag('circleci', '/project/{project-slug}/job/{job-number}'),
      ]),
    );
  });

  it('Concord: create-or-update purges every project read (it may rename or move), a delete the project below its v1 and v2 paths', async () => {
    const sent: SessionWrite[] = [];
    const session = {
      write: async (request: SessionWrite) => {
        sent.push(request);
        return { status: 200, headers: {}, body: { ok: true, result: 'UPDATED' } };
      },
    } as unknown as UpstreamSession;
    const api = apiOf('concord', concordOperations, concordCacheRules)(session);
    await api.createOrUpdateProject({ path: { orgName: 'acme' }, body: { name: 'web' } });
    await api.deleteProject({ path: { orgName: 'acme', projectName: 'web' } });
    const [create, remove] = sent.map((request) => policy.writeTags('concord', request.method, request.path, request.purges));
    expect(create).toEqual(
      expect.arrayContaining([exactTag('concord', '/v1/org/acme/project'), routeTag('concord', '/v1/org/{orgName}/project'), routeTag('concord', '/v2/org/{orgName}/project/{projectName}')]),
    );
    expect(remove).toEqual(expect.arrayContaining([subtreeTag('concord', '/v2/org/acme/project/web'), subtreeTag('concord', '/v1/org/acme/project/web'), exactTag('concord', '/v1/org/acme/project')]));
  });

  it("every service's rules are usable: apiOf checks that each purge names a read and can fill its parameters", () => {
    const made = {
      circleci: () => apiOf('circleci', circleCiOperations, circleCiCacheRules),
      ghes: () => apiOf('ghes', ghesOperations, ghesCacheRules),
      gitlab: () => apiOf('gitlab', gitLabOperations, gitLabCacheRules),
      concord: () => apiOf('concord', concordOperations, concordCacheRules),
      flexstack: () => apiOf('flexstack', flexStackOperations, flexStackCacheRules),
    } satisfies Record<(typeof serviceNames)[number], () => unknown>;
    for (const [service, make] of Object.entries(made)) expect(make, service).not.toThrow();
  });
});

describe('cache policy: GitLab operations', () => {
  /** What the GitLab API asks its session for: the reads (with their read class) and the writes (with their purges). */
  const sent: { reads: SessionRead[]; writes: SessionWrite[] } = { reads: [], writes: [] };
  const answer = { status: 200, headers: {}, body: {} };
  const session = {
    read: async (request: SessionRead) => (sent.reads.push(request), answer),
    write: async (request: SessionWrite) => (sent.writes.push(request), answer),
  } as unknown as UpstreamSession;
  const api: Api<typeof gitLabOperations> = apiOf('gitlab', gitLabOperations, gitLabCacheRules)(session);

  /** The tags of an entry read by `call`, with `body`. */
  async function readTags(call: (api: Api<typeof gitLabOperations>) => Promise<unknown>, body?: unknown): Promise<string[]> {
    await call(api);
    const read = sent.reads.at(-1) as SessionRead;
    return policy.entryTags('gitlab', read.path, read.read ?? { kind: 'object', route: undefined }, body);
  }
  /** What a write made by `call` purges. */
  async function writeTags(call: (api: Api<typeof gitLabOperations>) => Promise<unknown>): Promise<Set<string>> {
    await call(api);
    const write = sent.writes.at(-1) as SessionWrite;
    return new Set(policy.writeTags('gitlab', write.method, write.path, write.purges));
  }
  const meets = (tags: readonly string[], stale: Set<string>): boolean => tags.some((tag) => stale.has(tag));

  it("a member or hook write purges its own project's member or hook reads, and no other project's", async () => {
    const members = (id: number) => readTags((a) => a.listProjectMembers({ path: { id } }));
    const member = (id: number, user: number) => readTags((a) => a.getProjectMember({ path: { id, user_id: user } }));
    const hooks = (id: number) => readTags((a) => a.listProjectHooks({ path: { id } }));
    const hook = (id: number, hookId: number) => readTags((a) => a.getProjectHook({ path: { id, hook_id: hookId } }));
    const memberships = await readTags((a) => a.listProjects({ query: { membership: 'true' } }));
    for (const [name, write] of [
      ['add', (a: Api<typeof gitLabOperations>) => a.addProjectMember({ path: { id: 1 }, body: {} })],
      ['edit', (a: Api<typeof gitLabOperations>) => a.editProjectMember({ path: { id: 1, user_id: 7 }, body: {} })],
      ['remove', (a: Api<typeof gitLabOperations>) => a.removeProjectMember({ path: { id: 1, user_id: 7 } })],
    ] as const) {
      const stale = await writeTags(write);
      expect([meets(await members(1), stale), meets(await member(1, 7), stale)], `${name} member`).toEqual([true, true]);
      // `/projects?membership=true`, whatever its query.
      expect(meets(memberships, stale), `${name} member: memberships`).toBe(true);
      expect([meets(await members(2), stale), meets(await member(2, 7), stale)], `${name} member`).toEqual([false, false]);
      expect([...stale].filter((tag) => tag.startsWith('t:')), `${name} member: no route purges`).toEqual([]);
    }
    for (const [name, write] of [
      ['add', (a: Api<typeof gitLabOperations>) => a.addProjectHook({ path: { id: 1 }, body: {} })],
      ['edit', (a: Api<typeof gitLabOperations>) => a.editProjectHook({ path: { id: 1, hook_id: 3 }, body: {} })],
      ['delete', (a: Api<typeof gitLabOperations>) => a.deleteProjectHook({ path: { id: 1, hook_id: 3 } })],
    ] as const) {
      const stale = await writeTags(write);
      expect([meets(await hooks(1), stale), meets(await hook(1, 3), stale)], `${name} hook`).toEqual([true, true]);
      expect([meets(await hooks(2), stale), meets(await hook(2, 3), stale)], `${name} hook`).toEqual([false, false]);
    }
  });

  it('a project read by path and by id carries both names once the body gives them, so writes naming either purge both', async () => {
    const api42 = { id: 42, name: 'Api', path_with_namespace: 'acme/api' };
    const web43 = { id: 43, name: 'Web', path_with_namespace: 'acme/web' };
    const byPath = (path: string, body: unknown) => readTags((a) => a.getProject({ path: { id: path } }), body);
    const apiTags = await byPath('acme/api', api42);
    expect(apiTags).toEqual(expect.arrayContaining([exactTag('gitlab', '/projects/42'), subtreeTag('gitlab', '/projects/42'), exactTag('gitlab', '/projects/acme%2Fapi')]));
    const webTags = await byPath('acme/web', web43);
    for (const [label, stale] of [
      ['PUT /projects/42', new Set(policy.writeTags('gitlab', 'PUT', '/projects/42'))],
      ['DELETE /projects/42', new Set(policy.writeTags('gitlab', 'DELETE', '/projects/42'))],
      ['add member', await writeTags((a) => a.addProjectMember({ path: { id: 42 }, body: {} }))],
      ['delete hook', await writeTags((a) => a.deleteProjectHook({ path: { id: 42, hook_id: 3 } }))],
    ] as const) {
      expect(meets(apiTags, stale), label).toBe(true);
      expect(meets(webTags, stale), `${label} (another project)`).toBe(false);
    }
    const byId = (id: number, body: unknown) => readTags((a) => a.getProject({ path: { id } }), body);
    expect(meets(await byId(42, api42), new Set(policy.writeTags('gitlab', 'PUT', '/projects/acme%2Fapi')))).toBe(true);
    expect(meets(await byId(43, web43), new Set(policy.writeTags('gitlab', 'PUT', '/projects/acme%2Fapi')))).toBe(false);
    // Without a body naming it, only its own path.
    expect(meets(await byPath('acme/api', { message: 'x' }), new Set(policy.writeTags('gitlab', 'PUT', '/projects/42')))).toBe(false);
  });

  it("pipeline reads are runs, finished by GitLab's states, and a pipeline hook's paths purge them", async () => {
    await readTags((a) => a.getPipeline({ path: { id: 5, pipeline_id: 9 } }));
    const pipeline = sent.reads.at(-1)?.read ?? { kind: 'object' as const, route: undefined };
    expect(policy.ttlKind('gitlab', pipeline, { status: 'running' })).toBe('RUN_ACTIVE');
    expect(policy.ttlKind('gitlab', pipeline, { status: 'success' })).toBe('RUN_FINISHED');
    // The receiver purges `/projects/<id>/pipelines` and `…/pipelines/<id>` as the operations build them.
    const hook = new Set(policy.writeTags('gitlab', 'PATCH', '/projects/5/pipelines'));
    for (const read of [
      (a: Api<typeof gitLabOperations>) => a.listProjectPipelines({ path: { id: 5 } }),
      (a: Api<typeof gitLabOperations>) => a.getLatestPipeline({ path: { id: 5 }, query: { ref: 'main' } }),
      (a: Api<typeof gitLabOperations>) => a.getPipeline({ path: { id: 5, pipeline_id: 9 } }),
      (a: Api<typeof gitLabOperations>) => a.listPipelineJobs({ path: { id: 5, pipeline_id: 9 } }),
    ]) {
      expect(meets(await readTags(read), hook)).toBe(true);
    }
    expect(meets(await readTags((a) => a.getPipeline({ path: { id: 6, pipeline_id: 9 } })), hook)).toBe(false);
  });
});
