import { describe, expect, it } from 'vitest';
import { policyState } from '../../src/simulators/circleci/admin/policy.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const acmeId = () => t.simulators.circleci.store.orgs.find((o) => o.slug === 'gh/acme')!.id;
const calls = async () => (await t.requests('circleci')).map((r) => ({ method: r.method, path: r.path, query: r.query }));

const logsQuery = /* GraphQL */ `
  query ($owner: String!, $first: Int, $after: String, $branch: String, $createdAfter: DateTime) {
    circleciDecisionLogs(ownerId: $owner, branch: $branch, createdAfter: $createdAfter, first: $first, after: $after) {
      edges { node { id decisionId createdAt decision { status hardFailures { rule reason } } metadata { branch buildNumber } policies { name hash } timeTakenMs } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe('CircleCI config policies through GraphQL', () => {
  it('pages decision logs by CircleCI’s offset, passing the filters through', async () => {
    const owner = acmeId();
    const seeded = policyState(t.simulators.circleci.store).owners.get(owner)!.decisions.filter((d) => d.branch === 'main');
    const result = await t.gql(logsQuery, { owner, first: 15, branch: 'main', createdAfter: '2000-01-01T00:00:00Z' });
    expect(result.errors).toBeUndefined();
    const logs = result.data?.['circleciDecisionLogs'];
    expect(logs.edges.map((e: any) => e.node.decisionId)).toEqual(seeded.slice(0, 15).map((d) => d.id));
    expect(logs.edges[0].node.policies.map((p: any) => p.name)).toEqual(['ban_docker_latest', 'require_version']);
    expect(logs.edges[0].node.policies[0].hash).toHaveLength(128);
    expect(logs.pageInfo.hasNextPage).toBe(true);
    expect(await calls()).toEqual([{ method: 'GET', path: `/api/v2/owner/${owner}/context/config/decision`, query: { branch: 'main', after: '2000-01-01T00:00:00Z' } }]);

    await t.clearRequests();
    const rest = await t.gql(logsQuery, { owner, first: 15, branch: 'main', after: logs.pageInfo.endCursor });
    expect(rest.data?.['circleciDecisionLogs'].edges.map((e: any) => e.node.decisionId)).toEqual(seeded.slice(15, 30).map((d) => d.id));
    expect(rest.data?.['circleciDecisionLogs'].pageInfo.hasNextPage).toBe(false);
    const offsets = (await calls()).map((c) => c.query['offset']);
    expect(offsets).toEqual([undefined, String(Math.min(20, seeded.length))]);
  });

  it('reads a decision log with the bundle it was decided with, and round-trips its node id', async () => {
    const owner = acmeId();
    const decision = policyState(t.simulators.circleci.store).owners.get(owner)!.decisions[0]!;
    const result = await t.gql(`query ($owner: String!, $id: String!) { circleciDecisionLog(ownerId: $owner, decisionId: $id) { id decisionId context policyBundle { documents { name content createdBy } } } }`, {
      owner,
      id: decision.id,
    });
    expect(result.errors).toBeUndefined();
    const log = result.data?.['circleciDecisionLog'];
    expect(log.context).toBe('config');
    expect(log.policyBundle.documents.map((d: any) => d.name)).toEqual(['ban_docker_latest', 'require_version']);
    const node = await t.gql(`query ($id: ID!) { node(id: $id) { ... on CircleCIDecisionLog { decisionId } } }`, { id: log.id });
    expect(node.data?.['node']).toEqual({ decisionId: decision.id });
    const missing = await t.gql(`{ circleciDecisionLog(ownerId: "${owner}", decisionId: "nope") { id } }`);
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.['circleciDecisionLog']).toBeNull();
  });

  it('makes decisions, reads and sets settings, reads the bundle and a document', async () => {
    const owner = acmeId();
    const decided = await t.gql(`mutation ($input: CircleCIMakeDecisionInput!) { circleciMakeDecision(input: $input) { status enabledRules hardFailures { rule reason } softFailures { rule } } }`, {
      input: { ownerId: owner, input: 'jobs:\n  build: {}\n', metadata: { branch: 'main' } },
    });
    expect(decided.data?.['circleciMakeDecision']).toEqual({
      status: 'HARD_FAIL',
      enabledRules: ['require_version', 'ban_docker_latest'],
      hardFailures: [{ rule: 'require_version', reason: 'config must declare a version' }],
      softFailures: [],
    });
    const settings = await t.gql(`mutation { circleciSetDecisionSettings(input: { ownerId: "${owner}", enabled: false }) { enabled context } }`);
    expect(settings.data?.['circleciSetDecisionSettings']).toEqual({ enabled: false, context: 'config' });
    const read = await t.gql(`{ s: circleciDecisionSettings(ownerId: "${owner}") { enabled } b: circleciPolicyBundle(ownerId: "${owner}") { documents { name } }
      d: circleciPolicyDocument(ownerId: "${owner}", name: "require_version") { name content } none: circleciPolicyDocument(ownerId: "${owner}", name: "nope") { name } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({
      s: { enabled: false },
      b: { documents: [{ name: 'ban_docker_latest' }, { name: 'require_version' }] },
      d: { name: 'require_version', content: 'package org\n\npolicy_name["require_version"]\n' },
      none: null,
    });
    expect((await calls()).map((c) => `${c.method} ${c.path.replace(owner, '{owner}')}`)).toEqual([
      'POST /api/v2/owner/{owner}/context/config/decision',
      'PATCH /api/v2/owner/{owner}/context/config/decision/settings',
      'GET /api/v2/owner/{owner}/context/config/decision/settings',
      'GET /api/v2/owner/{owner}/context/config/policy-bundle',
      'GET /api/v2/owner/{owner}/context/config/policy-bundle/require_version',
      'GET /api/v2/owner/{owner}/context/config/policy-bundle/nope',
    ]);
  });

  it('uploads a bundle, dry run first, and reports CircleCI’s { error } answers', async () => {
    const owner = acmeId();
    const upload = (dryRun: boolean, policies: { name: string; content: string }[]) =>
      t.gql(`mutation ($input: CircleCICreatePolicyBundleInput!) { circleciCreatePolicyBundle(input: $input) { dryRun created deleted modified } }`, {
        input: { ownerId: owner, policies, dryRun },
      });
    const policies = [
      { name: 'require_version', content: 'package org\n# changed\n' },
      { name: 'no_ssh', content: 'package org\n' },
    ];
    const dry = await upload(true, policies);
    expect(dry.data?.['circleciCreatePolicyBundle']).toEqual({ dryRun: true, created: ['no_ssh'], deleted: ['ban_docker_latest'], modified: ['require_version'] });
    const real = await upload(false, policies);
    expect(real.data?.['circleciCreatePolicyBundle']).toEqual({ dryRun: false, created: ['no_ssh'], deleted: ['ban_docker_latest'], modified: ['require_version'] });
    expect((await calls()).map((c) => c.query)).toEqual([{ dry: 'true' }, {}]);

    const invalid = await upload(false, [{ name: 'broken', content: 'not rego' }]);
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', status: 400, service: 'circleci' });
    expect(invalid.errors?.[0]?.message).toContain('package org');
  });

  it('validates before calling CircleCI', async () => {
    const owner = acmeId();
    await t.clearRequests();
    const results = await Promise.all([
      t.gql(`mutation { circleciCreatePolicyBundle(input: { ownerId: "${owner}", policies: [{ name: "a", content: "package org" }, { name: "a", content: "package org" }] }) { dryRun } }`),
      t.gql(`mutation { circleciCreatePolicyBundle(input: { ownerId: "${owner}", policies: [{ name: "a b", content: "package org" }] }) { dryRun } }`),
      t.gql(`mutation { circleciMakeDecision(input: { ownerId: "${owner}", input: " " }) { status } }`),
      t.gql(`mutation { circleciMakeDecision(input: { ownerId: "${owner}", input: "version: 2.1", metadata: [1] }) { status } }`),
      t.gql(`{ circleciDecisionLogs(ownerId: "${owner}", createdAfter: "2024-02-01T00:00:00Z", createdBefore: "2024-01-01T00:00:00Z") { edges { cursor } } }`),
      t.gql(`{ circleciDecisionSettings(ownerId: "${owner}", context: "Config Policies") { enabled } }`),
    ]);
    for (const result of results) expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await calls()).toEqual([]);
  });
});
