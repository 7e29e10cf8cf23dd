import { describe, expect, it } from 'vitest';
import { webhookState } from '../../src/simulators/circleci/admin/webhooks.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const project = (name: string) => t.simulators.circleci.store.projects.find((p) => p.slug === `gh/acme/${name}`)!;
const calls = async () => (await t.requests('circleci')).map((r) => ({ method: r.method, path: r.path, query: r.query }));
const fields = 'id webhookId name url events active verifyTls signingSecretHint scopeId scopeType createdAt updatedAt service';

describe('CircleCI webhooks through GraphQL', () => {
  it('lists a project’s webhooks in one call (the endpoint takes no page token) and pages them locally', async () => {
    const api = project('api');
    const result = await t.gql(`query ($scope: String!) { circleciWebhooks(scopeId: $scope, first: 1) { totalCount edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } }`, {
      scope: api.id,
    });
    expect(result.errors).toBeUndefined();
    const connection = result.data?.['circleciWebhooks'];
    expect(connection.totalCount).toBe(2);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    const seeded = webhookState(t.simulators.circleci.store).webhooks.find((w) => w.name === 'deploy-notifier')!;
    expect(connection.edges[0].node).toMatchObject({
      webhookId: seeded.id,
      name: 'deploy-notifier',
      url: 'https://hooks.example.com/deploy-notifier',
      events: ['workflow-completed'],
      active: true,
      verifyTls: true,
      signingSecretHint: `****${seeded.signingSecret.slice(-4)}`,
      scopeId: api.id,
      scopeType: 'project',
      service: 'CIRCLECI',
    });
    expect(JSON.stringify(result)).not.toContain(seeded.signingSecret);
    expect(await calls()).toEqual([{ method: 'GET', path: '/api/v2/webhook', query: { 'scope-id': api.id, 'scope-type': 'project' } }]);

    const rest = await t.gql(`query ($scope: String!, $after: String) { circleciWebhooks(scopeId: $scope, after: $after) { edges { node { name } } } }`, {
      scope: api.id,
      after: connection.pageInfo.endCursor,
    });
    expect(rest.data?.['circleciWebhooks'].edges.map((e: any) => e.node.name)).toEqual(['job-audit']);
  });

  it('creates, reads by node id, updates and deletes a webhook, never returning the secret', async () => {
    const secret = 'a-long-signing-secret-9876';
    const created = await t.gql(`mutation ($input: CircleCICreateWebhookInput!) { circleciCreateWebhook(input: $input) { ${fields} } }`, {
      input: { scopeId: project('web').id, name: 'ci-events', url: 'https://example.org/hook', events: ['WORKFLOW_COMPLETED', 'JOB_COMPLETED'], signingSecret: secret },
    });
    expect(created.errors).toBeUndefined();
    const hook = created.data?.['circleciCreateWebhook'];
    expect(hook).toMatchObject({ events: ['workflow-completed', 'job-completed'], verifyTls: true, signingSecretHint: '****9876' });
    expect(JSON.stringify(created)).not.toContain(secret);

    const node = await t.gql(`query ($id: ID!) { node(id: $id) { ... on Webhook { url events active } } }`, { id: hook.id });
    expect(node.data?.['node']).toEqual({ url: 'https://example.org/hook', events: ['workflow-completed', 'job-completed'], active: true });

    const updated = await t.gql(`mutation ($input: CircleCIUpdateWebhookInput!) { circleciUpdateWebhook(input: $input) { name verifyTls events url } }`, {
      input: { id: hook.id, name: 'renamed', verifyTls: false, events: ['JOB_COMPLETED'] },
    });
    expect(updated.data?.['circleciUpdateWebhook']).toEqual({ name: 'renamed', verifyTls: false, events: ['job-completed'], url: 'https://example.org/hook' });

    const deleted = await t.gql(`mutation ($input: CircleCIDeleteWebhookInput!) { circleciDeleteWebhook(input: $input) { deletedWebhookId message } }`, { input: { id: hook.webhookId } });
    expect(deleted.data?.['circleciDeleteWebhook']).toEqual({ deletedWebhookId: hook.webhookId, message: 'Webhook deleted.' });
    expect((await calls()).map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/v2/webhook',
      `GET /api/v2/webhook/${hook.webhookId}`,
      `PUT /api/v2/webhook/${hook.webhookId}`,
      `DELETE /api/v2/webhook/${hook.webhookId}`,
    ]);
    const gone = await t.gql(`query ($id: ID!) { circleciWebhook(id: $id) { name } }`, { id: hook.id });
    expect(gone.data?.['circleciWebhook']).toBeNull();
  });

  it('rejects non-https URLs, empty or repeated events, bad scope ids and empty updates before calling CircleCI', async () => {
    const base = { scopeId: project('web').id, name: 'x', url: 'https://example.org/h', events: ['JOB_COMPLETED'], signingSecret: 's' };
    const create = (input: Record<string, unknown>) =>
      t.gql(`mutation ($input: CircleCICreateWebhookInput!) { circleciCreateWebhook(input: $input) { id } }`, { input: { ...base, ...input } });
    const results = [
      await create({ url: 'http://example.org/h' }),
      await create({ url: 'not a url' }),
      await create({ events: [] }),
      await create({ events: ['JOB_COMPLETED', 'JOB_COMPLETED'] }),
      await create({ scopeId: 'gh/acme/web' }),
      await create({ signingSecret: '' }),
      await t.gql(`mutation { circleciUpdateWebhook(input: { id: "${webhookState(t.simulators.circleci.store).webhooks[0]!.id}" }) { id } }`),
    ];
    for (const result of results) expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(results[0]?.errors?.[0]?.extensions?.['details']).toEqual([{ field: 'url', message: 'not an https URL' }]);
    expect(await calls()).toEqual([]);
  });
});
