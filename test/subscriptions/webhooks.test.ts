import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { circleCiWorkflowBody, hmac, post, subscribe, waitFor, workflowSubscription } from './liveHelpers.js';
import { useLiveGateway } from './useLiveGateway.js';

const secret = 'circle-secret';
const { t, client } = useLiveGateway({
  env: { CIRCLECI_WEBHOOK_SECRET: secret, GHES_WEBHOOK_SECRET: 'ghes-secret', FLEXSTACK_WEBHOOK_SECRET: 'flex-secret', WEBHOOK_MAX_BODY_BYTES: '4096' },
});

function apiWorkflow(slug = 'gh/acme/api') {
  const workflow = t.simulators.circleci.store.workflows.find((candidate) => candidate.projectSlug === slug);
  if (workflow === undefined) throw new Error('no workflow');
  return workflow;
}

const sendCircleCi = (body: string, signature = `v1=${hmac(secret, body)}`) =>
  post(t.url, '/webhooks/circleci', body, { 'circleci-signature': signature, 'circleci-event-type': 'workflow-completed', 'user-agent': 'CircleCI-Webhook/1.0' });

describe('CircleCI webhooks to subscriptions', () => {
  it('delivers a signed event once; a forged signature and a replayed id publish nothing', async () => {
    const workflow = apiWorkflow();
    const streams = t.gateway.live.streamCount();
    const sub = subscribe(client({ 'x-circleci-token': 'circleci-token-grace' }), workflowSubscription, { projectSlug: 'gh/acme/api' });
    await waitFor(() => t.gateway.live.streamCount() === streams + 1, 'the subscription is registered');

    const first = circleCiWorkflowBody({ id: 'delivery-1', projectSlug: 'gh/acme/api', pipelineId: workflow.pipelineId, workflowId: workflow.id, status: 'canceled' });
    const accepted = await sendCircleCi(first);
    expect(accepted).toEqual({ status: 202, body: { status: 'accepted', type: 'workflow-completed' } });

    const forged = circleCiWorkflowBody({ id: 'delivery-2', projectSlug: 'gh/acme/api', pipelineId: workflow.pipelineId, workflowId: workflow.id, status: 'failed' });
    expect((await sendCircleCi(forged, `v1=${hmac('wrong', forged)}`)).status).toBe(401);
    expect((await sendCircleCi(forged, '')).status).toBe(401);
    const replay = await sendCircleCi(first);
    expect(replay).toEqual({ status: 200, body: { status: 'duplicate', type: 'workflow-completed' } });

    // A later valid event marks the end: everything sent before it has been handled.
    const marker = circleCiWorkflowBody({ id: 'delivery-3', projectSlug: 'gh/acme/api', pipelineId: workflow.pipelineId, workflowId: workflow.id, status: 'success' });
    expect((await sendCircleCi(marker)).status).toBe(202);
    await waitFor(() => sub.results.length >= 2, 'two events');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sub.results).toEqual([
      {
        data: {
          circleciWorkflowStatusChanged: {
            status: 'canceled',
            previousStatus: null,
            projectSlug: 'gh/acme/api',
            source: 'WEBHOOK',
            workflow: { workflowId: workflow.id, name: 'build-and-test', status: 'canceled', pipelineNumber: 7 },
          },
        },
      },
      {
        data: {
          circleciWorkflowStatusChanged: {
            status: 'success',
            previousStatus: 'canceled',
            projectSlug: 'gh/acme/api',
            source: 'WEBHOOK',
            workflow: { workflowId: workflow.id, name: 'build-and-test', status: 'success', pipelineNumber: 7 },
          },
        },
      },
    ]);
    expect(t.gateway.live.webhooks.stats()['circleci']).toEqual({ accepted: 2, rejected: 2, duplicate: 1 });
    sub.stop();
    await waitFor(() => t.gateway.live.streamCount() === streams, 'the subscription ends');
  });

  it('sends an org subscriber only events of its organization', async () => {
    const acme = apiWorkflow('gh/acme/web');
    const globex = apiWorkflow('bb/globex/billing');
    const streams = t.gateway.live.streamCount();
    const sub = subscribe(client({ 'x-circleci-token': 'circleci-token-grace' }), workflowSubscription, { orgSlug: 'gh/acme' });
    await waitFor(() => t.gateway.live.streamCount() === streams + 1, 'the subscription is registered');
    const other = circleCiWorkflowBody({ id: 'org-1', projectSlug: 'bb/globex/billing', pipelineId: globex.pipelineId, workflowId: globex.id, status: 'failed' });
    expect((await sendCircleCi(other)).status).toBe(202);
    const own = circleCiWorkflowBody({ id: 'org-2', projectSlug: 'gh/acme/web', pipelineId: acme.pipelineId, workflowId: acme.id, status: 'error' });
    expect((await sendCircleCi(own)).status).toBe(202);
    await waitFor(() => sub.results.length >= 1, 'the own event');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sub.results.map((result) => result.data.circleciWorkflowStatusChanged.projectSlug)).toEqual(['gh/acme/web']);
    sub.stop();
  });

  it('refuses a subscriber whose credential cannot read the project, pipeline or organization', async () => {
    const linus = client({ 'x-circleci-token': 'circleci-token-linus' });
    const workflow = apiWorkflow();
    const byProject = subscribe(linus, workflowSubscription, { projectSlug: 'gh/acme/api' });
    const byPipeline = subscribe(linus, workflowSubscription, { pipelineId: workflow.pipelineId });
    const byOrg = subscribe(linus, workflowSubscription, { orgSlug: 'gh/acme' });
    const twoFilters = subscribe(linus, workflowSubscription, { orgSlug: 'gh/acme', projectSlug: 'gh/acme/api' });
    await waitFor(() => [byProject, byPipeline, byOrg, twoFilters].every((sub) => sub.completed || sub.error !== undefined), 'all refused');
    const codeOf = (sub: typeof byProject) => sub.results[0]?.errors?.[0]?.extensions?.['code'];
    expect(codeOf(byProject)).toBe('NOT_FOUND');
    expect(codeOf(byPipeline)).toBe('NOT_FOUND');
    expect(codeOf(byOrg)).toBe('FORBIDDEN');
    expect(codeOf(twoFilters)).toBe('BAD_USER_INPUT');
    expect(byProject.results[0]?.data ?? null).toBeNull();
    expect(t.gateway.live.pollers.activePipelines()).toEqual([]);
  });

  it('refuses a subscriber with a bad token, falls back to the configured token when none is sent', async () => {
    const bad = subscribe(client({ 'x-circleci-token': 'nope' }), workflowSubscription, { projectSlug: 'gh/acme/api' });
    await waitFor(() => bad.completed, 'refused');
    expect(bad.results[0]?.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const streams = t.gateway.live.streamCount();
    const fallback = subscribe(client(), workflowSubscription, { projectSlug: 'gh/initech/tps' });
    await waitFor(() => t.gateway.live.streamCount() === streams + 1, 'accepted with the configured token');
    fallback.stop();
  });
});

describe('webhook receivers', () => {
  it('answers 404 for a receiver without a secret and never accepts it unsigned', async () => {
    const answer = await post(t.url, '/webhooks/gitlab', '{}', { 'x-gitlab-token': '', 'x-gitlab-event': 'Pipeline Hook' });
    expect(answer.status).toBe(404);
    expect(answer.body.error).toContain('GITLAB_WEBHOOK_SECRET');
  });

  it('refuses a body over the limit with 413', async () => {
    const body = JSON.stringify({ id: 'big', padding: 'x'.repeat(5000) });
    const answer = await post(t.url, '/webhooks/circleci', body, { 'circleci-signature': `v1=${hmac(secret, body)}` });
    expect(answer.status).toBe(413);
  });

  it('verifies GitHub Enterprise signatures and de-duplicates on X-GitHub-Delivery', async () => {
    const body = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
    const headers = { 'x-github-event': 'ping', 'x-github-delivery': 'd-1', 'x-hub-signature-256': `sha256=${hmac('ghes-secret', body)}` };
    expect((await post(t.url, '/webhooks/ghes', body, headers)).body).toEqual({ status: 'ignored', type: 'ping' });
    expect((await post(t.url, '/webhooks/ghes', body, headers)).body).toEqual({ status: 'duplicate', type: 'ping' });
    expect((await post(t.url, '/webhooks/ghes', body, { ...headers, 'x-github-delivery': 'd-2', 'x-hub-signature-256': `sha256=${hmac('x', body)}` })).status).toBe(401);
  });

  it('verifies FlexStack signatures and refuses a deployment subscription with a key FlexStack does not accept', async () => {
    const body = JSON.stringify({ id: 'evt-1', type: 'deployments.succeeded', timestamp: '2026-01-01T00:00:00Z', data: { id: 'dep1', project_id: 'prj1' } });
    const signed = { 'x-flexstack-signature': `sha256=${hmac('flex-secret', body)}` };
    expect((await post(t.url, '/webhooks/flexstack', body, signed)).status).toBe(202);
    expect((await post(t.url, '/webhooks/flexstack', body, signed)).body.status).toBe('duplicate');
    expect((await post(t.url, '/webhooks/flexstack', body, { 'x-flexstack-signature': 'sha256=00' })).status).toBe(401);
    const sub = subscribe(client({ 'x-flexstack-key': 'flex_x' }), 'subscription { flexstackDeploymentChanged(projectId: "prj1") { status } }');
    await waitFor(() => sub.completed, 'refused');
    expect(sub.results[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', service: 'flexstack' });
  });

  it('answers 405 to a GET', async () => {
    const response = await fetch(t.url.replace(/\/graphql$/, '/webhooks/circleci'));
    expect(response.status).toBe(405);
  });

  it('points a subscription sent over HTTP to WebSocket', async () => {
    const answer = await t.gql('subscription { circleciWorkflowStatusChanged(projectSlug: "gh/acme/api") { status } }');
    expect(answer.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain('WebSocket');
  });

  it('refuses a WebSocket upgrade on any path but /graphql', async () => {
    const socket = new WebSocket(t.url.replace(/^http/, 'ws').replace(/\/graphql$/, '/other'), 'graphql-transport-ws');
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
      socket.on('error', () => undefined);
    });
    socket.terminate();
    expect(status).toBe(404);
  });

  it('caps the subscriptions of one connection', async () => {
    const busy = client({ 'x-circleci-token': 'circleci-token-grace' });
    const streams = t.gateway.live.streamCount();
    const subs = Array.from({ length: 100 }, () => subscribe(busy, workflowSubscription, { projectSlug: 'gh/acme/api' }));
    await waitFor(() => t.gateway.live.streamCount() === streams + 100, 'a hundred subscriptions');
    const extra = subscribe(busy, workflowSubscription, { projectSlug: 'gh/acme/api' });
    await waitFor(() => extra.completed, 'the extra one refused');
    expect(extra.results[0]?.errors?.[0]).toMatchObject({ message: 'At most 100 subscriptions per connection', extensions: { code: 'BAD_USER_INPUT' } });
    for (const sub of subs) sub.stop();
    await waitFor(() => t.gateway.live.streamCount() === streams, 'all ended');
  });
});
