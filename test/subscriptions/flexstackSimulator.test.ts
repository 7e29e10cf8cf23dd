import { beforeAll, describe, expect, it } from 'vitest';
import { subscribe, waitFor } from './liveHelpers.js';
import { useLiveGateway } from './useLiveGateway.js';

const secret = 'flexstack-simulated-secret';
const { t, client: connect } = useLiveGateway({ env: { FLEXSTACK_WEBHOOK_SECRET: secret } });
beforeAll(() => {
  t.simulators.flexstack.webhooks.target = { url: t.url.replace(/\/graphql$/, '/webhooks/flexstack'), secret };
});

const deploymentSubscription = /* GraphQL */ `
  subscription ($projectId: ID) {
    flexstackDeploymentChanged(projectId: $projectId) { deploymentId projectId status timestamp data deployment { deploymentId status finishedAt } }
  }
`;

describe('the FlexStack simulator delivering signed deployment webhooks', () => {
  it('sends the body FlexStack sends, signed with the target secret', async () => {
    const sender = t.simulators.flexstack.webhooks;
    const project = t.simulators.flexstack.store.projects[0];
    if (project === undefined) throw new Error('no project');
    const body = sender.bodyOf({ id: 'dep1', projectId: project.id, environmentId: null, status: 'failed', createdAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:01:00.000Z' });
    expect({ ...body, id: typeof body['id'] }).toEqual({
      id: 'string',
      type: 'deployments.failed',
      timestamp: '2026-01-01T00:01:00.000Z',
      data: { id: 'dep1', project_id: project.id, environment_id: null, status: 'failed', created_at: '2026-01-01T00:00:00.000Z', finished_at: '2026-01-01T00:01:00.000Z' },
    });
    // Signed with another secret, the gateway refuses the delivery (202 below shows the right one passes).
    const target = sender.target;
    sender.target = { url: t.url.replace(/\/graphql$/, '/webhooks/flexstack'), secret: 'not-the-secret' };
    sender.deploy(project.id);
    await sender.flush();
    sender.target = target;
    expect(sender.deliveries.splice(0).map((delivery) => delivery.status)).toEqual([401]);
  });

  it('reaches a flexstackDeploymentChanged subscriber from start to finish', async () => {
    const store = t.simulators.flexstack.store;
    const [project, other] = store.projects;
    if (project === undefined || other === undefined) throw new Error('no projects');
    const client = connect({ 'x-flexstack-key': 'demo-flexstack-token' });
    const sub = subscribe(client, deploymentSubscription, { projectId: project.id });
    await waitFor(() => t.gateway.live.streamCount() === 1, 'the subscription registered');

    const sender = t.simulators.flexstack.webhooks;
    sender.deploy(other.id, { durationMs: 0, outcome: 'succeeded' });
    const deployment = sender.deploy(project.id);
    await sender.flush();
    sender.finish(deployment, 'failed');
    await waitFor(() => sender.deliveries.length === 4, 'every delivery made', 10_000);
    await sender.flush();
    expect(sender.deliveries.map((delivery) => delivery.status)).toEqual([202, 202, 202, 202]);

    await waitFor(() => sub.results.length === 2, 'both events of the deployment');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const events = sub.results.map((result) => result.data.flexstackDeploymentChanged);
    expect(events.map((event) => [event.deploymentId, event.projectId, event.status])).toEqual([
      [deployment.id, project.id, 'IN_PROGRESS'],
      [deployment.id, project.id, 'FAILED'],
    ]);
    expect(events[1]?.timestamp).toBe(deployment.finishedAt);
    expect(events[1]?.data).toMatchObject({ id: deployment.id, project_id: project.id, status: 'failed' });
    // The event leads to the deployment itself, read when the event is sent (after it finished, for the last).
    expect(events.map((event) => event.deployment.deploymentId)).toEqual([deployment.id, deployment.id]);
    expect(events[1]?.deployment).toEqual({ deploymentId: deployment.id, status: 'failed', finishedAt: deployment.finishedAt });
    sub.stop();
  });
});
