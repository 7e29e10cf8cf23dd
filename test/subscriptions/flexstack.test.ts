import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createGateway, type Gateway } from '../../src/server/createGateway.js';
import { hmac, post, subscribe, waitFor, wsClient } from './liveHelpers.js';

const secret = 'flex-secret';
let upstream: Server;
let gateway: Gateway;
const clients: Client[] = [];
const seen: string[] = [];

/** A stand-in FlexStack projects API: key `flex_ok` reads projects `prj1` and `prj2`, key `flex_other` none. */
function fakeFlexStack(): Server {
  return createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${String(req.headers['x-api-key'])}`);
    const key = req.headers['x-api-key'];
    res.setHeader('content-type', 'application/json');
    if (key !== 'flex_ok' && key !== 'flex_other') {
      res.statusCode = 401;
      res.end(JSON.stringify({ code: 'unauthenticated', message: 'Invalid API key' }));
      return;
    }
    const match = /^\/v1\/projects\/([^/?]+)$/.exec(req.url ?? '');
    if (req.url?.startsWith('/v1/projects?') === true) {
      res.end(JSON.stringify({ data: [], has_more: false, next_page: null }));
    } else if (match !== null && key === 'flex_ok' && ['prj1', 'prj2'].includes(match[1] ?? '')) {
      res.end(JSON.stringify({ id: match[1], name: 'app', org_id: 'org1' }));
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ code: 'not_found', message: 'Project not found' }));
    }
  });
}

beforeAll(async () => {
  upstream = fakeFlexStack();
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
  const { port } = upstream.address() as AddressInfo;
  gateway = await createGateway({ config: loadConfig({ FLEXSTACK_URL: `http://127.0.0.1:${port}/v1`, FLEXSTACK_WEBHOOK_SECRET: secret }) });
  await gateway.listen(0, '127.0.0.1');
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await gateway.stop();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
  expect(gateway.live.streamCount()).toBe(0);
});

function client(key: string): Client {
  const made = wsClient(gateway.url(), { 'x-flexstack-key': key });
  clients.push(made);
  return made;
}

const deploymentSubscription = /* GraphQL */ `
  subscription ($projectId: ID) {
    flexstackDeploymentChanged(projectId: $projectId) { eventId deploymentId projectId status timestamp data }
  }
`;

const send = (id: string, type: string, projectId: string) => {
  const body = JSON.stringify({ id, type, timestamp: '2026-03-04T05:06:07Z', data: { id: `dep-${id}`, project_id: projectId, commit: 'abc' } });
  return post(gateway.url(), '/webhooks/flexstack', body, { 'x-flexstack-signature': `sha256=${hmac(secret, body)}` });
};

describe('FlexStack deployment subscriptions', () => {
  it('delivers signed deployment events of readable projects only', async () => {
    const one = subscribe(client('flex_ok'), deploymentSubscription, { projectId: 'prj1' });
    const every = subscribe(client('flex_ok'), deploymentSubscription, {});
    await waitFor(() => gateway.live.streamCount() === 2, 'both registered');
    expect((await send('e1', 'deployments.in_progress', 'prj2')).status).toBe(202);
    expect((await send('e2', 'deployments.failed', 'prj3')).status).toBe(202);
    expect((await send('e3', 'deployments.succeeded', 'prj1')).status).toBe(202);
    await waitFor(() => one.results.length === 1 && every.results.length === 2, 'the events');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(one.results).toEqual([
      {
        data: {
          flexstackDeploymentChanged: {
            eventId: 'e3',
            deploymentId: 'dep-e3',
            projectId: 'prj1',
            status: 'SUCCEEDED',
            timestamp: '2026-03-04T05:06:07Z',
            data: { id: 'dep-e3', project_id: 'prj1', commit: 'abc' },
          },
        },
      },
    ]);
    // prj3 is not readable with this key: left out of the every-project subscription.
    expect(every.results.map((result) => [result.data.flexstackDeploymentChanged.projectId, result.data.flexstackDeploymentChanged.status])).toEqual([
      ['prj2', 'IN_PROGRESS'],
      ['prj1', 'SUCCEEDED'],
    ]);
    expect(seen).toContain('GET /v1/projects/prj3 flex_ok');
    one.stop();
    every.stop();
  });

  it('refuses a key that cannot read the project', async () => {
    const other = subscribe(client('flex_other'), deploymentSubscription, { projectId: 'prj1' });
    const bad = subscribe(client('flex_bad'), deploymentSubscription, {});
    await waitFor(() => other.completed && bad.completed, 'refused');
    expect(other.results[0]?.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(bad.results[0]?.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
