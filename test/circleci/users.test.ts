import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

describe('CircleCI users through GraphQL', () => {
  it('reads the signed-in user and round-trips the global id through node()', async () => {
    const me = await t.gql(`{ circleciMe { id service userId login name } }`);
    expect(me.errors).toBeUndefined();
    expect(me.data?.['circleciMe']).toMatchObject({ service: 'CIRCLECI', login: 'ada', name: 'Ada Lovelace' });
    const node = await t.gql(`query ($id: ID!) { node(id: $id) { ... on CircleCIUser { login } } }`, { id: me.data?.['circleciMe'].id });
    expect(node.data?.['node']).toEqual({ login: 'ada' });
  });

  it('reads a user by id per the caller\'s token, null when not visible', async () => {
    const grace = t.simulators.circleci.store.users.find((u) => u.login === 'grace')!;
    const result = await t.gql(`query ($id: ID!) { circleciUser(id: $id) { login } }`, { id: grace.id });
    expect(result.data?.['circleciUser']).toEqual({ login: 'grace' });
    const hidden = await t.gql(`query ($id: ID!) { circleciUser(id: $id) { login } }`, { id: grace.id }, { 'x-circleci-token': 'circleci-token-linus' });
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data?.['circleciUser']).toBeNull();
  });

  it('lists collaborations as a connection from the one unpaged answer', async () => {
    const result = await t.gql(`{ circleciCollaborations(first: 2) { totalCount edges { node { slug vcsType name organizationId } } pageInfo { hasNextPage } } }`);
    expect(result.errors).toBeUndefined();
    const connection = result.data?.['circleciCollaborations'];
    expect(connection.totalCount).toBe(3);
    expect(connection.edges.map((e: any) => [e.node.slug, e.node.vcsType])).toEqual([['gh/acme', 'github'], ['bb/globex', 'bitbucket']]);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect((await t.requests('circleci')).map((r) => r.path)).toEqual(['/api/v2/me/collaborations']);
  });

  it('fetches each job approver once however many jobs name them', async () => {
    const held = t.simulators.circleci.store.workflows.filter((w) => w.status === 'on_hold');
    const ada = t.simulators.circleci.store.users[0]!;
    for (const workflow of held) {
      const job = t.simulators.circleci.store.jobs.find((j) => j.workflowId === workflow.id && j.type === 'approval')!;
      job.approvedBy = ada.id;
    }
    const ids = held.slice(0, 3).map((w) => w.id);
    const result = await t.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [] });
    expect(result.errors).toBeUndefined();
    await t.clearRequests();
    const query = ids.map((id, index) => `w${index}: circleciWorkflow(id: "${id}") { jobs { edges { node { approvedBy { login } } } } }`).join('\n');
    const approvers = await t.gql(`{ ${query} }`);
    expect(approvers.errors).toBeUndefined();
    expect(approvers.data?.['w0'].jobs.edges[1].node.approvedBy).toEqual({ login: 'ada' });
    const userCalls = (await t.requests('circleci')).filter((r) => r.path === `/api/v2/user/${ada.id}`);
    expect(userCalls).toHaveLength(1);
  });

  it('resolves the users who started a page of workflows with one call per distinct user', async () => {
    const result = await t.gql(`{ circleciProject(slug: "gh/acme/api") { pipelines(first: 20) { edges { node { workflows { edges { node { startedBy startedByUser { userId login } } } } } } } } }`);
    expect(result.errors).toBeUndefined();
    const workflows = result.data?.['circleciProject'].pipelines.edges.flatMap((e: any) => e.node.workflows.edges.map((w: any) => w.node));
    expect(workflows.length).toBeGreaterThan(10);
    for (const workflow of workflows) expect(workflow.startedByUser.userId).toBe(workflow.startedBy);
    const starters = new Set(workflows.map((w: any) => w.startedBy));
    const userCalls = (await t.requests('circleci')).filter((r) => r.path.startsWith('/api/v2/user/'));
    expect(userCalls).toHaveLength(starters.size);
  });
});
