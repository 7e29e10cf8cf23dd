import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createGateway, type Gateway } from '../../src/server/createGateway.js';
import type { BusMessage } from '../../src/subscriptions/bus/EventBus.js';
import { hmac, post } from './liveHelpers.js';

let gateway: Gateway;
const events: BusMessage['event'][] = [];

beforeAll(async () => {
  gateway = await createGateway({
    config: loadConfig({
      GHES_URL: 'http://127.0.0.1:9/api/v3',
      GITLAB_URL: 'http://127.0.0.1:9/api/v4',
      GHES_WEBHOOK_SECRET: 'ghes-secret',
      GITLAB_WEBHOOK_SECRET: 'gitlab-secret',
      LOG_LEVEL: 'warn',
    }),
    invalidator: { invalidate: () => undefined },
  });
  await gateway.listen(0, '127.0.0.1');
  gateway.live.bus.listen((message) => {
    if (message.event !== undefined) events.push(message.event);
  });
});
afterAll(async () => {
  await gateway.stop();
});

describe('webhook replays with a fresh delivery id', () => {
  it('drops a GitHub Enterprise body that was already delivered, whatever X-GitHub-Delivery says', async () => {
    const body = JSON.stringify({
      action: 'completed',
      workflow_run: { id: 901, status: 'completed', conclusion: 'success', updated_at: '2026-02-01T10:00:00Z' },
      repository: { full_name: 'acme/api' },
    });
    const signed = { 'x-github-event': 'workflow_run', 'x-hub-signature-256': `sha256=${hmac('ghes-secret', body)}` };
    expect((await post(gateway.url(), '/webhooks/ghes', body, { ...signed, 'x-github-delivery': 'delivery-1' })).body).toEqual({ status: 'accepted', type: 'workflow_run' });
    for (const id of ['delivery-2', 'delivery-3']) {
      expect((await post(gateway.url(), '/webhooks/ghes', body, { ...signed, 'x-github-delivery': id })).body).toEqual({ status: 'duplicate', type: 'workflow_run' });
    }
    // Without any id header at all, too.
    expect((await post(gateway.url(), '/webhooks/ghes', body, signed)).body.status).toBe('duplicate');
    expect(events.filter((event) => event?.kind === 'ghes.run')).toHaveLength(1);

    // A new event (another body) with a fresh id is taken.
    const next = body.replace('"success"', '"failure"');
    const nextSigned = { 'x-github-event': 'workflow_run', 'x-hub-signature-256': `sha256=${hmac('ghes-secret', next)}`, 'x-github-delivery': 'delivery-4' };
    expect((await post(gateway.url(), '/webhooks/ghes', next, nextSigned)).body.status).toBe('accepted');
    expect(events.filter((event) => event?.kind === 'ghes.run')).toHaveLength(2);
  });

  it('drops a GitLab body that was already delivered, whatever X-Gitlab-Event-UUID says', async () => {
    const body = JSON.stringify({
      object_kind: 'pipeline',
      object_attributes: { id: 77, status: 'running', ref: 'main', created_at: '2026-02-01 10:00:00 UTC' },
      project: { id: 12, path_with_namespace: 'group/replayed' },
    });
    const headers = { 'x-gitlab-event': 'Pipeline Hook', 'x-gitlab-token': 'gitlab-secret' };
    expect((await post(gateway.url(), '/webhooks/gitlab', body, { ...headers, 'x-gitlab-event-uuid': 'uuid-a' })).body.status).toBe('accepted');
    expect((await post(gateway.url(), '/webhooks/gitlab', body, { ...headers, 'x-gitlab-event-uuid': 'uuid-b' })).body.status).toBe('duplicate');
    expect((await post(gateway.url(), '/webhooks/gitlab', body, { ...headers, 'idempotency-key': 'key-c' })).body.status).toBe('duplicate');
    expect(events.filter((event) => event?.kind === 'gitlab.pipeline')).toHaveLength(1);
    expect(gateway.live.webhooks.stats()['gitlab']).toEqual({ accepted: 1, duplicate: 2 });
  });
});
