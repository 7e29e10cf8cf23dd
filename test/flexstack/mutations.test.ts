import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const store = () => t.simulators.flexstack.store;
const calls = async (): Promise<string[]> => (await t.requests('flexstack')).map((r) => `${r.method} ${r.path}`);
const fields = `projectId name description icon connectionStatus defaultEnvironmentId orgId`;

describe('FlexStack writes through GraphQL', () => {
  it('creates a project, then updates it with a whole PUT built from the current project', async () => {
    const created = await t.gql(`mutation { flexstackCreateProject(input: { name: "new-app", description: "fresh", icon: "emoji:🚀" }) { ${fields} } }`);
    expect(created.errors).toBeUndefined();
    const project = created.data?.['flexstackCreateProject'];
    expect(project).toMatchObject({ name: 'new-app', description: 'fresh', icon: 'emoji:🚀', connectionStatus: 'DISCONNECTED', orgId: store().orgs[0]?.id });
    expect(await calls()).toEqual(['POST /v1/projects']);

    await t.clearRequests();
    const env = store().projects[0]?.defaultEnvironmentId;
    const updated = await t.gql(`mutation ($id: String!, $env: String!) { flexstackUpdateProject(input: { id: $id, icon: "icon:star", defaultEnvironmentId: $env }) { ${fields} } }`, {
      id: project.projectId,
      env,
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.['flexstackUpdateProject']).toMatchObject({ name: 'new-app', description: 'fresh', icon: 'icon:star', defaultEnvironmentId: env });
    expect(await calls()).toEqual([`GET /v1/projects/${project.projectId}`, `PUT /v1/projects/${project.projectId}`]);
  });

  it('deletes a project (204) and reports its global id; deleting again is NOT_FOUND', async () => {
    const victim = store().projects.find((p) => p.name === 'service-44');
    const mutation = `mutation ($id: String!) { flexstackDeleteProject(input: { id: $id }) { deletedId } }`;
    const result = await t.gql(mutation, { id: victim?.id });
    expect(result.errors).toBeUndefined();
    const node = await t.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: result.data?.['flexstackDeleteProject'].deletedId });
    expect(node.data).toEqual({ node: null });
    expect((await calls())[0]).toBe(`DELETE /v1/projects/${victim?.id}`);
    const again = await t.gql(mutation, { id: victim?.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', service: 'flexstack' });
  });

  it('disconnects a project, and disconnecting it again is FlexStack\'s conflict', async () => {
    const target = store().projects.find((p) => p.connectionStatus === 'connected' && p.name === 'service-40');
    const mutation = `mutation ($id: String!) { flexstackDisconnectProject(input: { id: $id }) { connectionStatus rawConnectionStatus } }`;
    const result = await t.gql(mutation, { id: target?.id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['flexstackDisconnectProject']).toEqual({ connectionStatus: 'DISCONNECTING', rawConnectionStatus: 'disconnecting' });
    expect(await calls()).toEqual([`POST /v1/projects/${target?.id}/disconnect`, `GET /v1/projects/${target?.id}`]);
    const again = await t.gql(mutation, { id: target?.id });
    expect(again.errors?.[0]).toMatchObject({
      message: 'FlexStack: project is not connected (connection_status is disconnecting)',
      extensions: { code: 'CONFLICT', status: 409 },
    });
  });

  it('adds members, changes a role and removes a member', async () => {
    const project = store().projects.find((p) => p.members.length < 6 && p.orgId === store().orgs[0]?.id);
    const outside = store().people.filter((person) => person.orgId === project?.orgId && !project?.members.some((m) => m.personId === person.id));
    expect(outside.length).toBeGreaterThan(0);
    const added = await t.gql(`mutation ($p: String!, $ids: [String!]!) { flexstackAddProjectMembers(input: { projectId: $p, memberIds: $ids }) { members { memberId role name } } }`, {
      p: project?.id,
      ids: outside.map((person) => person.id),
    });
    expect(added.errors).toBeUndefined();
    expect(added.data?.['flexstackAddProjectMembers'].members).toEqual(outside.map((person) => ({ memberId: person.id, role: 'viewer', name: person.displayName })));

    const again = await t.gql(`mutation ($p: String!, $ids: [String!]!) { flexstackAddProjectMembers(input: { projectId: $p, memberIds: $ids }) { members { memberId } } }`, {
      p: project?.id,
      ids: [outside[0]?.id],
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', service: 'flexstack' });

    const member = outside[0]?.id;
    const updated = await t.gql(`mutation ($p: String!, $m: String!) { flexstackUpdateProjectMember(input: { projectId: $p, memberId: $m, role: CONTRIBUTOR }) { role projectRole } }`, {
      p: project?.id,
      m: member,
    });
    expect(updated.data?.['flexstackUpdateProjectMember']).toEqual({ role: 'contributor', projectRole: 'CONTRIBUTOR' });

    await t.clearRequests();
    const removed = await t.gql(`mutation ($p: String!, $m: String!) { flexstackRemoveProjectMember(input: { projectId: $p, memberId: $m }) { deletedId } }`, { p: project?.id, m: member });
    expect(removed.errors).toBeUndefined();
    expect(await calls()).toEqual([`DELETE /v1/projects/${project?.id}/members/${member}`]);
    expect(project?.members.some((m) => m.personId === member)).toBe(false);
  });

  it('creates a webhook integration, patches its flags and deletes it', async () => {
    const project = store().projects[1];
    const created = await t.gql(
      `mutation ($p: String!) { flexstackCreateNotificationIntegration(input: { projectId: $p, type: WEBHOOK, config: { url: "https://hooks.example.com/new" }, notifications: { changelog: true, deploymentsFailed: false } }) {
        __typename integrationId type notifications { changelog deploymentsFailed deploymentsSucceeded } ... on FlexStackWebhookIntegration { url events active } } }`,
      { p: project?.id },
    );
    expect(created.errors).toBeUndefined();
    const integration = created.data?.['flexstackCreateNotificationIntegration'];
    expect(integration).toMatchObject({
      __typename: 'FlexStackWebhookIntegration',
      type: 'WEBHOOK',
      url: 'https://hooks.example.com/new',
      notifications: { changelog: true, deploymentsFailed: false, deploymentsSucceeded: true },
      events: ['deployments_in_progress', 'deployments_succeeded', 'changelog'],
      active: true,
    });

    const patched = await t.gql(
      `mutation ($p: String!, $i: String!) { flexstackUpdateNotificationIntegration(input: { projectId: $p, integrationId: $i, notifications: { deploymentsInProgress: false, deploymentsSucceeded: false, changelog: false } }) {
        ... on FlexStackWebhookIntegration { events active } } }`,
      { p: project?.id, i: integration.integrationId },
    );
    expect(patched.data?.['flexstackUpdateNotificationIntegration']).toEqual({ events: [], active: false });

    await t.clearRequests();
    const deleted = await t.gql(`mutation ($p: String!, $i: String!) { flexstackDeleteNotificationIntegration(input: { projectId: $p, integrationId: $i }) { deletedId } }`, {
      p: project?.id,
      i: integration.integrationId,
    });
    expect(deleted.errors).toBeUndefined();
    expect(await calls()).toEqual([`DELETE /v1/projects/${project?.id}/integrations/notifications/${integration.integrationId}`]);
  });

  it('rejects invalid input with BAD_USER_INPUT before any upstream call', async () => {
    const project = store().projects[0]?.id;
    const person = store().people[0]?.id as string;
    const cases: [string, Record<string, unknown>, string][] = [
      [`mutation { flexstackCreateProject(input: { name: "x", icon: "rocket" }) { name } }`, {}, 'input.icon'],
      [`mutation { flexstackCreateProject(input: { name: "  " }) { name } }`, {}, 'input.name'],
      [`mutation ($id: String!) { flexstackUpdateProject(input: { id: $id, icon: "emoji:" }) { name } }`, { id: project }, 'input.icon'],
      [`mutation { flexstackUpdateProject(input: { id: "short", name: "x" }) { name } }`, {}, 'input.id'],
      [`mutation ($id: String!) { flexstackUpdateProject(input: { id: $id, defaultEnvironmentId: "prod" }) { name } }`, { id: project }, 'input.defaultEnvironmentId'],
      [`mutation { flexstackDeleteProject(input: { id: "../etc" }) { deletedId } }`, {}, 'input.id'],
      [`mutation { flexstackDisconnectProject(input: { id: "0000000000000000000000" }) { name } }`, {}, 'input.id'],
      [`mutation ($p: String!) { flexstackAddProjectMembers(input: { projectId: $p, memberIds: [] }) { members { name } } }`, { p: project }, 'input.memberIds'],
      [
        `mutation ($p: String!, $ids: [String!]!) { flexstackAddProjectMembers(input: { projectId: $p, memberIds: $ids }) { members { name } } }`,
        { p: project, ids: Array.from({ length: 101 }, () => person) },
        'input.memberIds',
      ],
      [`mutation ($p: String!) { flexstackAddProjectMembers(input: { projectId: $p, memberIds: ["nope"] }) { members { name } } }`, { p: project }, 'input.memberIds.0'],
      [`mutation ($p: String!) { flexstackUpdateProjectMember(input: { projectId: $p, memberId: "x", role: VIEWER }) { role } }`, { p: project }, 'input.memberId'],
      [`mutation ($p: String!) { flexstackRemoveProjectMember(input: { projectId: "x", memberId: $p }) { deletedId } }`, { p: project }, 'input.projectId'],
      [`mutation ($p: String!) { flexstackCreateNotificationIntegration(input: { projectId: $p, type: SLACK, config: { channel: "#x" } }) { id } }`, { p: project }, 'input.type'],
      [`mutation ($p: String!) { flexstackCreateNotificationIntegration(input: { projectId: $p, type: WEBHOOK, config: { url: "ftp://x" } }) { id } }`, { p: project }, 'input.config.url'],
      [`mutation ($p: String!) { flexstackUpdateNotificationIntegration(input: { projectId: $p, integrationId: "1", notifications: {} }) { id } }`, { p: project }, 'input.integrationId'],
      [`mutation ($p: String!) { flexstackDeleteNotificationIntegration(input: { projectId: $p, integrationId: "1" }) { deletedId } }`, { p: project }, 'input.integrationId'],
    ];
    for (const [mutation, variables, field] of cases) {
      const result = await t.gql(mutation, variables);
      expect(result.errors?.[0]?.extensions?.['code'], mutation).toBe('BAD_USER_INPUT');
      expect((result.errors?.[0]?.extensions?.['details'] as any[])?.[0]?.field, mutation).toBe(field);
    }
    expect(await t.requests('flexstack')).toEqual([]);
  });

  it('maps FlexStack\'s not_found for a member of another organization to NOT_FOUND with its cause', async () => {
    const project = store().projects[0]?.id;
    const other = store().people.find((person) => person.orgId !== store().projects[0]?.orgId)?.id;
    const result = await t.gql(`mutation ($p: String!, $ids: [String!]!) { flexstackAddProjectMembers(input: { projectId: $p, memberIds: $ids }) { members { name } } }`, {
      p: project,
      ids: [other],
    });
    expect(result.errors?.[0]).toMatchObject({ message: `FlexStack: member not found (${other})`, extensions: { code: 'NOT_FOUND', status: 404 } });
  });
});
