import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../../helpers/useTestGateway.js';
import { circleCiWorkflowBody, hmac, post, waitFor } from '../../subscriptions/liveHelpers.js';
import { cachedEnv, ok } from './harness.js';

const secret = 'circle-secret';
const flexSecret = 'flexstack-secret';
const t = useTestGateway({ env: { ...cachedEnv, CIRCLECI_WEBHOOK_SECRET: secret, FLEXSTACK_WEBHOOK_SECRET: flexSecret }, runDurationMs: 600_000 });

const grace = { 'x-circleci-token': 'circleci-token-grace' };
const workflowQuery = `query ($id: ID!) { circleciWorkflow(id: $id) { status } }`;
const calls = async (): Promise<string[]> => (await t.requests('circleci')).map((r) => `${r.method} ${r.path}`);

describe('a received webhook purges what its event makes stale', () => {
  it('answers a workflow from the cache until its signed workflow-completed event arrives, then from CircleCI once', async () => {
    const triggered = ok(
      await t.gql(`mutation { circleciTriggerPipeline(input: { projectSlug: "gh/acme/api" }) { pipeline { pipelineId workflows { edges { node { workflowId } } } } } }`),
    );
    const pipelineId: string = triggered['circleciTriggerPipeline'].pipeline.pipelineId;
    const workflowId: string = triggered['circleciTriggerPipeline'].pipeline.workflows.edges[0].node.workflowId;
    await t.gateway.cache.clear();

    for (const headers of [{}, grace]) expect(ok(await t.gql(workflowQuery, { id: workflowId }, headers))).toEqual({ circleciWorkflow: { status: 'running' } });
    await t.clearRequests();
    for (const headers of [{}, grace]) expect(ok(await t.gql(workflowQuery, { id: workflowId }, headers))).toEqual({ circleciWorkflow: { status: 'running' } });
    expect(await calls(), 'answered from the cache').toEqual([]);

    // CircleCI finishes the workflow on its own; only the webhook tells the gateway.
    const workflow = t.simulators.circleci.store.workflows.find((w) => w.id === workflowId);
    if (workflow === undefined) throw new Error('no workflow');
    workflow.status = 'failed';
    workflow.stoppedAt = new Date().toISOString();
    expect(ok(await t.gql(workflowQuery, { id: workflowId })), 'still cached before the event').toEqual({ circleciWorkflow: { status: 'running' } });

    const invalidations = t.gateway.cache.stats.snapshot().invalidations;
    const body = circleCiWorkflowBody({ id: 'cache-delivery-1', projectSlug: 'gh/acme/api', pipelineId, workflowId, status: 'failed' });
    const delivered = await post(t.url, '/webhooks/circleci', body, { 'circleci-signature': `v1=${hmac(secret, body)}`, 'circleci-event-type': 'workflow-completed' });
    expect(delivered.status).toBe(202);
    await waitFor(() => t.gateway.cache.stats.snapshot().invalidations > invalidations, 'the event purged the cache');

    await t.clearRequests();
    expect(ok(await t.gql(workflowQuery, { id: workflowId }))).toEqual({ circleciWorkflow: { status: 'failed' } });
    expect(await calls(), 'one new upstream call').toEqual([`GET /api/v2/workflow/${workflowId}`]);
    await t.clearRequests();
    expect(ok(await t.gql(workflowQuery, { id: workflowId }, grace)), 'for the other credential too').toEqual({ circleciWorkflow: { status: 'failed' } });
    expect(await calls()).toEqual([`GET /api/v2/workflow/${workflowId}`]);
  });

  it('answers a FlexStack deployment and its project\'s latest from the cache until its signed deployment event arrives', async () => {
    const store = t.simulators.flexstack.store;
    const project = store.projects.find((p) => store.deployments.every((d) => d.projectId !== p.id));
    if (project === undefined) throw new Error('no project without deployments');
    const sender = t.simulators.flexstack.webhooks;
    // FlexStack runs the deployment; no webhook reaches the gateway until the one posted below.
    sender.target = undefined;
    const deployment = sender.deploy(project.id);
    const query = `query ($p: String!, $d: String!) { flexstackProject(id: $p) { latestPipeline { status } } flexstackDeployment(id: $d) { status } }`;
    const variables = { p: project.id, d: deployment.id };
    const running = { flexstackProject: { latestPipeline: { status: 'in_progress' } }, flexstackDeployment: { status: 'in_progress' } };
    expect(ok(await t.gql(query, variables))).toEqual(running);
    sender.finish(deployment, 'succeeded');
    await t.clearRequests();
    expect(ok(await t.gql(query, variables)), 'still cached before the event').toEqual(running);
    expect(await t.requests('flexstack')).toEqual([]);

    const invalidations = t.gateway.cache.stats.snapshot().invalidations;
    const body = JSON.stringify(sender.bodyOf(deployment));
    const delivered = await post(t.url, '/webhooks/flexstack', body, { 'x-flexstack-signature': `sha256=${hmac(flexSecret, body)}` });
    expect(delivered.status).toBe(202);
    await waitFor(() => t.gateway.cache.stats.snapshot().invalidations > invalidations, 'the event purged the cache');

    await t.clearRequests();
    expect(ok(await t.gql(query, variables))).toEqual({ flexstackProject: { latestPipeline: { status: 'succeeded' } }, flexstackDeployment: { status: 'succeeded' } });
    // The project itself is read again too: the event names the project, whose answer may hold what changed.
    expect((await t.requests('flexstack')).map((r) => r.path).sort()).toEqual(
      [`/v1/deployments/${deployment.id}`, `/v1/projects/${project.id}`, `/v1/projects/${project.id}/deployments`].sort(),
    );
  });
});
