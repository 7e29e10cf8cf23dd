import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitLabSimulator, type GitLabSimulator } from '../../src/simulators/gitlab/createGitLabSimulator.js';

let sim: GitLabSimulator;
let base: string;
beforeAll(async () => {
  sim = createGitLabSimulator();
  base = await sim.simulator.listen(0);
});
afterAll(async () => {
  await sim.simulator.close();
});
afterEach(() => {
  sim.simulator.setQuota(null);
  sim.store.totalsLimit = 10_000;
});

const call = async (path: string, init: RequestInit & { token?: string | null } = {}): Promise<{ status: number; headers: Headers; body: any; text: string }> => {
  const token = init.token === undefined ? 'demo-gitlab-token' : init.token;
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { ...(token === null ? {} : { 'private-token': token }), 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, body, text };
};

describe('the GitLab simulator answers as GitLab v4 does', () => {
  it('sends offset pagination headers exactly as GitLab names them', async () => {
    const { status, headers, body } = await call('/projects/1/members?per_page=4&page=2');
    const total = sim.store.members.filter((member) => member.projectId === 1).length;
    expect(status).toBe(200);
    expect(body).toHaveLength(4);
    expect({
      page: headers.get('x-page'),
      perPage: headers.get('x-per-page'),
      next: headers.get('x-next-page'),
      prev: headers.get('x-prev-page'),
      total: headers.get('x-total'),
      pages: headers.get('x-total-pages'),
    }).toEqual({ page: '2', perPage: '4', next: '3', prev: '1', total: String(total), pages: String(Math.ceil(total / 4)) });
    const link = headers.get('link') ?? '';
    expect(link).toContain(`${base}/projects/1/members?per_page=4&page=1>; rel="prev"`);
    expect(link).toContain(`${base}/projects/1/members?per_page=4&page=3>; rel="next"`);
    expect(link).toContain('rel="first"');
    expect(link).toContain(`page=${Math.ceil(total / 4)}>; rel="last"`);
    const last = await call(`/projects/1/members?per_page=4&page=${Math.ceil(total / 4)}`);
    expect(last.headers.get('x-next-page')).toBe('');
  });

  it('drops x-total, x-total-pages and rel="last" past the counting limit', async () => {
    sim.store.totalsLimit = 3;
    const { headers } = await call('/projects/1/members?per_page=2');
    expect(headers.get('x-total')).toBeNull();
    expect(headers.get('x-total-pages')).toBeNull();
    expect(headers.get('x-next-page')).toBe('2');
    expect(headers.get('link')).not.toContain('rel="last"');
  });

  it('pages projects by keyset with only a Link header, and refuses keyset on other orders', async () => {
    const first = await call('/projects?pagination=keyset&order_by=id&sort=asc&per_page=5');
    expect(first.body.map((p: any) => p.id)).toEqual([1, 2, 3, 4, 5]);
    expect(first.headers.get('x-total')).toBeNull();
    expect(first.headers.get('x-next-page')).toBeNull();
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1] as string;
    expect(new URL(next).searchParams.get('id_after')).toBe('5');
    const second = await fetch(next, { headers: { 'private-token': 'demo-gitlab-token' } });
    expect(((await second.json()) as any[])[0].id).toBeGreaterThan(5);
    const byName = await call('/projects?pagination=keyset&order_by=name');
    expect(byName.status).toBe(405);
    expect(byName.body).toEqual({ error: 'Keyset pagination is not yet available for this type of request' });
  });

  it('answers GitLab error bodies: 401, 404 project, unknown route, validation, 409, missing parameter', async () => {
    expect(await call('/projects', { token: 'nope' })).toMatchObject({ status: 401, body: { message: '401 Unauthorized' } });
    expect(await call('/projects/424242')).toMatchObject({ status: 404, body: { message: '404 Project Not Found' } });
    expect(await call('/nothing/here')).toMatchObject({ status: 404, body: { error: '404 Not Found' } });
    const taken = await call('/projects', { method: 'POST', body: JSON.stringify({ name: 'Api', path: 'api', namespace_id: 100 }) });
    expect(taken).toMatchObject({ status: 400, body: { message: { name: ['has already been taken'], path: ['has already been taken'] } } });
    const existing = sim.store.members.find((member) => member.projectId === 1 && member.userId !== 1) as { userId: number };
    const again = await call('/projects/1/members', { method: 'POST', body: JSON.stringify({ user_id: existing.userId, access_level: 30 }) });
    expect(again).toMatchObject({ status: 409, body: { message: 'Member already exists' } });
    const noLevel = await call('/projects/1/members', { method: 'POST', body: JSON.stringify({ user_id: 5 }) });
    expect(noLevel).toMatchObject({ status: 400, body: { error: 'access_level is missing' } });
  });

  it('reads a project by URL-encoded path, and lets anonymous callers read public projects only', async () => {
    expect((await call('/projects/acme%2Fplatform%2Fgateway')).body.id).toBe(17);
    const anonymous = await call('/projects?per_page=100', { token: null });
    expect(anonymous.body.length).toBeGreaterThan(0);
    expect(anonymous.body.every((project: any) => project.visibility === 'public')).toBe(true);
    expect(await call('/projects', { token: null, method: 'POST', body: '{"name":"x"}' })).toMatchObject({ status: 401 });
    const bearer = await call('/projects/acme%2Fapi', { token: null, headers: { authorization: 'Bearer demo-gitlab-token' } });
    expect(bearer.status).toBe(200);
  });

  it('never returns a hook token', async () => {
    const { body } = await call('/projects/1/hooks');
    expect(body.length).toBe(3);
    for (const hook of body) expect(Object.keys(hook)).not.toContain('token');
    expect(JSON.stringify(body)).not.toContain('seeded-secret');
  });

  it('rate limits a token with 429, Retry-After and RateLimit-* headers', async () => {
    sim.simulator.setQuota({ limit: 2, windowMs: 30_000 });
    expect((await call('/projects/1')).status).toBe(200);
    expect((await call('/projects/1')).status).toBe(200);
    const limited = await call('/projects/1');
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('Retry later\n');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(limited.headers.get('ratelimit-limit')).toBe('2');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    // Another token has its own quota.
    expect((await call('/projects/1', { token: 'gitlab-token-root' })).status).toBe(200);
  });

  it('answers pipelines as GitLab does: lists in their short form, latest by ref with 403 when there is none, jobs without retried ones', async () => {
    const list = await call('/projects/1/pipelines?per_page=2');
    expect(list.status).toBe(200);
    expect(Object.keys(list.body[0]).sort()).toEqual(['created_at', 'id', 'iid', 'name', 'project_id', 'ref', 'sha', 'source', 'status', 'updated_at', 'web_url']);
    expect(list.body[0].id).toBeGreaterThan(list.body[1].id);
    const latest = await call('/projects/1/pipelines/latest');
    expect([latest.status, latest.body.id, latest.body.ref]).toEqual([200, list.body[0].id, 'main']);
    expect(latest.body).toHaveProperty('detailed_status');
    const none = await call('/projects/1/pipelines/latest?ref=no-such-branch');
    expect([none.status, none.body]).toEqual([403, { message: '403 Forbidden' }]);
    const bad = await call('/projects/1/pipelines?status=nope');
    expect([bad.status, bad.body]).toEqual([400, { error: 'status does not have a valid value' }]);
    const retried = sim.store.jobs.find((job) => job.retried);
    const jobs = await call(`/projects/1/pipelines/${retried?.pipelineId}/jobs`);
    const all = await call(`/projects/1/pipelines/${retried?.pipelineId}/jobs?include_retried=true`);
    expect(jobs.body.map((job: { id: number }) => job.id)).not.toContain(retried?.id);
    expect(all.body.map((job: { id: number }) => job.id)).toContain(retried?.id);
    expect((await call(`/projects/2/pipelines/${retried?.pipelineId}`)).status).toBe(404);
  });
});
