import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulators, type RunningSimulators } from '../../src/simulators/startSimulators.js';

let sims: RunningSimulators;
let receiver: Server;
const received: { headers: Record<string, unknown>; body: any }[] = [];

beforeAll(async () => {
  // A stand-in for the gateway's GitLab receiver: records what the simulator delivers.
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.statusCode = 202;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  sims = await startSimulators({
    runDurationMs: 3_600_000,
    gitlabWebhook: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/gitlab`, secret: 'hook-token' },
  });
});

afterAll(async () => {
  await sims?.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

/** Calls a run control; returns status and JSON answer. */
async function control(service: 'circleci' | 'gitlab' | 'concord' | 'flexstack', path: string, body: unknown = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`${sims.byService[service]?.origin}/__sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

/** A GET of a service's API with its demo token. */
async function read(service: 'circleci' | 'gitlab' | 'concord' | 'flexstack', path: string): Promise<any> {
  const headers: Record<string, string> = {
    circleci: { 'circle-token': 'demo-circleci-token' },
    gitlab: { 'private-token': 'demo-gitlab-token' },
    concord: { authorization: 'demo-concord-token' },
    flexstack: { 'x-api-key': 'demo-flexstack-token' },
  }[service];
  const response = await fetch(`${sims.urls[service]}${path}`, { headers });
  expect(response.status).toBe(200);
  return response.json();
}

describe('run controls of the simulators (POST /__sim/…)', () => {
  it('GitLab: starts a pipeline on the default branch, moves it to any status but created, and delivers each change as a Pipeline Hook', async () => {
    const started = await control('gitlab', 'projects/1/pipelines');
    expect(started).toEqual({ status: 201, body: { id: expect.any(Number), iid: expect.any(Number), status: 'created', ref: 'main' } });
    const id = started.body.id as number;
    expect((await read('gitlab', '/projects/1/pipelines/latest')).id).toBe(id);
    const jobs = (await read('gitlab', `/projects/1/pipelines/${id}/jobs`)) as { status: string }[];
    expect(jobs.map((job) => job.status)).toEqual(['created', 'created', 'created', 'created']);
    for (const status of ['pending', 'running', 'failed', 'running', 'success']) {
      expect((await control('gitlab', `pipelines/${id}/status`, { status })).body.status).toBe(status);
    }
    expect((await read('gitlab', `/projects/1/pipelines/${id}`)).status).toBe('success');
    expect(await control('gitlab', `pipelines/${id}/status`, { status: 'success' })).toEqual({ status: 409, body: { message: `Pipeline ${id} is already success` } });
    expect((await control('gitlab', `pipelines/${id}/status`, { status: 'created' })).status).toBe(400);
    expect((await control('gitlab', `pipelines/${id}/status`, { status: 'done' })).status).toBe(400);
    expect((await control('gitlab', 'pipelines/999999/status', { status: 'failed' })).status).toBe(404);
    await sims.gitlab.webhooks.flush();
    const hooks = received.filter((delivery) => delivery.body.object_attributes.id === id);
    expect(hooks.map((delivery) => delivery.body.object_attributes.status)).toEqual(['created', 'pending', 'running', 'failed', 'running', 'success']);
    expect(hooks[0]?.headers).toMatchObject({ 'x-gitlab-event': 'Pipeline Hook', 'x-gitlab-token': 'hook-token', 'x-gitlab-event-uuid': expect.any(String) });
    expect(new Set(hooks.map((delivery) => delivery.headers['x-gitlab-event-uuid'])).size).toBe(hooks.length);
  });

  it('Concord: starts a NEW process and moves it only as Concord does, up to a final status', async () => {
    const started = await control('concord', 'projects/Default/analytics/processes');
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'NEW', orgName: 'Default', projectName: 'analytics' });
    const id = started.body.instanceId as string;
    const [newest] = (await read('concord', '/v2/process?orgName=Default&projectName=analytics&limit=1')) as { instanceId: string }[];
    expect(newest?.instanceId).toBe(id);
    expect(await control('concord', `processes/${id}/status`, { status: 'RUNNING' })).toEqual({ status: 409, body: { message: 'A NEW process cannot become RUNNING' } });
    for (const status of ['PREPARING', 'ENQUEUED', 'STARTING', 'RUNNING', 'SUSPENDED', 'RESUMING', 'RUNNING', 'FINISHED']) {
      expect((await control('concord', `processes/${id}/status`, { status })).body.status).toBe(status);
    }
    expect((await read('concord', `/v2/process/${id}`)).status).toBe('FINISHED');
    expect((await control('concord', `processes/${id}/status`, { status: 'RUNNING' })).status).toBe(409);
    expect((await control('concord', `processes/${id}/status`, { status: 'DONE' })).status).toBe(400);
    expect((await control('concord', 'projects/Default/no-such-project/processes')).status).toBe(404);
  });

  it('FlexStack: starts a deployment in progress and ends it once, succeeded or failed', async () => {
    const projectId = sims.flexstack.store.projects[0]?.id ?? '';
    const started = await control('flexstack', `projects/${projectId}/deployments`);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'in_progress', project_id: projectId });
    const id = started.body.id as string;
    expect((await control('flexstack', `deployments/${id}/status`, { status: 'done' })).status).toBe(400);
    expect((await control('flexstack', `deployments/${id}/status`, { status: 'failed' })).body.status).toBe('failed');
    expect((await read('flexstack', `/deployments/${id}`)).status).toBe('failed');
    expect((await control('flexstack', `deployments/${id}/status`, { status: 'succeeded' })).status).toBe(409);
  });

  it('CircleCI: moves a pipeline\'s running workflow to on hold, back to running, then to an end, refusing moves CircleCI does not make', async () => {
    const triggered = await fetch(`${sims.urls.circleci}/project/gh/acme/web/pipeline`, {
      method: 'POST',
      headers: { 'circle-token': 'demo-circleci-token', 'content-type': 'application/json' },
      body: JSON.stringify({ branch: 'main' }),
    });
    const id = ((await triggered.json()) as { id: string }).id;
    const statuses = async (): Promise<string[]> => ((await read('circleci', `/pipeline/${id}/workflow`)).items as { status: string }[]).map((workflow) => workflow.status);
    expect(await statuses()).toEqual(['running']);
    expect((await control('circleci', `pipelines/${id}/status`, { status: 'on_hold' })).status).toBe(200);
    expect(await statuses()).toEqual(['on_hold']);
    expect((await control('circleci', `pipelines/${id}/status`, { status: 'failing' })).status).toBe(409);
    expect((await control('circleci', `pipelines/${id}/status`, { status: 'running' })).status).toBe(200);
    expect((await control('circleci', `pipelines/${id}/status`, { status: 'failed' })).body.workflows).toEqual([{ id: expect.any(String), name: 'build-and-test', status: 'failed' }]);
    expect(await statuses()).toEqual(['failed']);
    expect((await control('circleci', `pipelines/${id}/status`, { status: 'success' })).status).toBe(409);
    expect((await control('circleci', `pipelines/${id}/status`, { status: 'not_run' })).status).toBe(400);
    expect((await control('circleci', 'pipelines/no-such-pipeline/status', { status: 'failed' })).status).toBe(404);
  });

  it('answers 404 for an unknown control and logs no control call', async () => {
    const response = await fetch(`${sims.byService.gitlab?.origin}/__sim/nothing`, { method: 'POST' });
    expect(response.status).toBe(404);
    const log = (await (await fetch(`${sims.byService.gitlab?.origin}/__sim/requests`)).json()) as { path: string }[];
    expect(log.some((request) => request.path.startsWith('/__sim'))).toBe(false);
  });
});
