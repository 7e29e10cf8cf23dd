import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusMessage } from '../../src/subscriptions/bus/EventBus.js';
import type { ServiceName } from '../../src/config/ServiceName.js';
import { createGateway, type Gateway } from '../../src/server/createGateway.js';
import { loadConfig } from '../../src/config/config.js';
import { post, waitFor } from './liveHelpers.js';

let gateway: Gateway;
const messages: BusMessage[] = [];
const invalidated: [ServiceName, readonly string[]][] = [];

beforeAll(async () => {
  gateway = await createGateway({
    config: loadConfig({ GITLAB_URL: 'http://127.0.0.1:9/api/v4', GITLAB_WEBHOOK_SECRET: 'gitlab-secret' }),
    invalidator: { invalidate: (service, paths) => void invalidated.push([service, paths]) },
  });
  await gateway.listen(0, '127.0.0.1');
  gateway.live.bus.listen((message) => messages.push(message));
});

afterAll(async () => {
  await gateway.stop();
  expect(gateway.live.bus.listenerCount()).toBe(0);
});

const pipelineHook = JSON.stringify({
  object_kind: 'pipeline',
  object_attributes: { id: 31, iid: 3, status: 'success', ref: 'main', created_at: '2026-01-01 10:00:00 UTC', finished_at: '2026-01-01 10:05:00 UTC' },
  project: { id: 7, path_with_namespace: 'group/app' },
});

describe('GitLab webhooks', () => {
  it('checks X-Gitlab-Token, publishes pipeline status once per X-Gitlab-Event-UUID, and drops stale cache paths', async () => {
    const headers = { 'x-gitlab-event': 'Pipeline Hook', 'x-gitlab-event-uuid': 'uuid-1' };
    expect((await post(gateway.url(), '/webhooks/gitlab', pipelineHook, { ...headers, 'x-gitlab-token': 'gitlab-secreT' })).status).toBe(401);
    expect((await post(gateway.url(), '/webhooks/gitlab', pipelineHook, headers)).status).toBe(401);
    expect((await post(gateway.url(), '/webhooks/gitlab', pipelineHook, { ...headers, 'x-gitlab-token': 'gitlab-secret' })).body).toEqual({
      status: 'accepted',
      type: 'Pipeline Hook',
    });
    expect((await post(gateway.url(), '/webhooks/gitlab', pipelineHook, { ...headers, 'x-gitlab-token': 'gitlab-secret' })).body.status).toBe('duplicate');
    const push = JSON.stringify({ object_kind: 'push' });
    expect((await post(gateway.url(), '/webhooks/gitlab', push, { 'x-gitlab-event': 'Push Hook', 'x-gitlab-event-uuid': 'uuid-2', 'x-gitlab-token': 'gitlab-secret' })).body).toEqual({
      status: 'ignored',
      type: 'Push Hook',
    });
    await waitFor(() => invalidated.length === 1, 'the invalidation');
    expect(messages.filter((message) => message.event !== undefined).map((message) => message.event)).toEqual([
      { kind: 'gitlab.pipeline', projectId: '7', projectPath: 'group/app', pipelineId: '31', status: 'success', ref: 'main', happenedAt: '2026-01-01 10:05:00 UTC' },
    ]);
    expect(invalidated).toEqual([['gitlab', ['/projects/7/pipelines', '/projects/7/pipelines/31']]]);
    expect(gateway.live.webhooks.stats()['gitlab']).toEqual({ rejected: 2, accepted: 1, duplicate: 1, ignored: 1 });
  });
});
