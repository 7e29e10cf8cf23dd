import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCircleCiSimulator, type CircleCiSimulator } from '../../../src/simulators/circleci/createCircleCiSimulator.js';

let sim: CircleCiSimulator;
let base: string;
beforeAll(async () => {
  sim = createCircleCiSimulator({ runDurationMs: 500 });
  base = await sim.simulator.listen(0);
});
afterAll(async () => {
  await sim.simulator.close();
});

const call = async (method: string, path: string, body?: unknown, token = 'demo-circleci-token') => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'circle-token': token, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
};

describe('the CircleCI simulator', () => {
  it('routes an env var named like a job sub-resource to the env var, not to a job', async () => {
    expect((await call('POST', '/project/gh/acme/api/envvar', { name: 'tests', value: 'abcdef' })).status).toBe(201);
    expect(await call('GET', '/project/gh/acme/api/envvar/tests')).toEqual({ status: 200, body: { name: 'tests', value: 'xxxxcdef', 'created-at': expect.any(String) } });
  });

  it('masks env var values as xxxx and the last four characters, and never sends them in clear', async () => {
    const list = await call('GET', '/project/gh/acme/web/envvar');
    const values = list.body.items.map((item: any) => item.value);
    expect(values).toEqual(['xxxxst-1', expect.stringMatching(/^xxxx[0-9a-f]{4}$/), 'xxxx/web']);
  });

  it('reads a checkout key by md5 or URL-encoded sha256 fingerprint, answering in the digest asked for', async () => {
    const key = sim.store.checkoutKeys.find((k) => k.projectSlug === 'gh/acme/web')!;
    expect((await call('GET', `/project/gh/acme/web/checkout-key/${key.md5}`)).body.fingerprint).toBe(key.md5);
    expect((await call('GET', `/project/gh/acme/web/checkout-key/${encodeURIComponent(key.sha256)}`)).body.fingerprint).toBe(key.sha256);
    expect((await call('GET', '/project/gh/acme/web/checkout-key?digest=sha1')).status).toBe(400);
  });

  it('lets a triggered pipeline\'s workflow finish as time passes', async () => {
    const created = await call('POST', '/project/gh/acme/infra/pipeline', { tag: 'v1.2.0' });
    expect(created.status).toBe(201);
    const workflows = await call('GET', `/pipeline/${created.body.id}/workflow`);
    expect(workflows.body.items[0].status).toBe('running');
    // Polled, bounded: a loaded machine may take longer than the run to answer.
    let later = await call('GET', `/workflow/${workflows.body.items[0].id}`);
    for (let tries = 0; later.body.status === 'running' && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      later = await call('GET', `/workflow/${workflows.body.items[0].id}`);
    }
    expect(later.body.status).toBe('success');
    expect((await call('GET', `/pipeline/${created.body.id}`)).body.vcs.tag).toBe('v1.2.0');
  });

  it('refuses schedules with invalid timetables as CircleCI does', async () => {
    const base = { name: 'x', 'attribution-actor': 'current', parameters: { branch: 'main' } };
    expect((await call('POST', '/project/gh/acme/api/schedule', { ...base, timetable: { 'per-hour': 0, 'hours-of-day': [1], 'days-of-week': ['MON'] } })).status).toBe(400);
    expect((await call('POST', '/project/gh/acme/api/schedule', { ...base, timetable: { 'per-hour': 1, 'hours-of-day': [1] } })).status).toBe(400);
    expect((await call('POST', '/project/gh/acme/api/schedule', { ...base, parameters: {}, timetable: { 'per-hour': 1, 'hours-of-day': [1], 'days-of-week': ['MON'] } })).status).toBe(400);
  });

  it('hides projects, users and schedules of other organizations behind 404', async () => {
    expect((await call('GET', '/project/gh/acme/api/schedule', undefined, 'circleci-token-linus')).status).toBe(404);
    const grace = sim.store.users.find((u) => u.login === 'grace')!;
    expect((await call('GET', `/user/${grace.id}`, undefined, 'circleci-token-linus')).status).toBe(404);
    expect((await call('GET', `/schedule/${sim.store.schedules[0]!.id}`, undefined, 'circleci-token-linus')).status).toBe(404);
  });

  it('refuses settings patches with unknown keys', async () => {
    const result = await call('PATCH', '/project/gh/acme/api/settings', { advanced: { warp_speed: true } });
    expect(result).toEqual({ status: 400, body: { message: 'Unexpected request body provided.' } });
  });
});
