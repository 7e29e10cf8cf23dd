import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/relay/globalId.js';
import { hiddenDotSegments } from '../helpers/pathSafety.js';
import type { GraphQLResponse } from '../helpers/startTestGateway.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

/** Runs one operation and returns its answer with every CircleCI request it made (`METHOD path`, as the simulator received it). */
async function attempt(query: string, variables?: Record<string, unknown>): Promise<{ result: GraphQLResponse; sent: string[] }> {
  await t.clearRequests();
  const result = await t.gql(query, variables);
  return { result, sent: (await t.requests('circleci')).map((r) => `${r.method} ${r.path}`) };
}

/** The error codes of an answer. */
const codes = (result: GraphQLResponse): unknown[] => (result.errors ?? []).map((error) => error.extensions?.['code']);

const acme = (): string => t.simulators.circleci.store.orgs.find((org) => org.slug === 'gh/acme')?.id as string;

// Values that would leave their place in a path if they were not checked and encoded one segment at a time.
const escapes = ['../../me', '..', '.', '%2e%2e', '..%2f..%2fme', '%2E%2E%2F', '', 'a\nb', 'a\u0000b', 'a\u2028b', '\ud800', 'x'.repeat(2000)];

const slugs = [
  // The report's own attacks: GET /api/v2/me and GET /etc/passwd on the upstream host.
  'gh/acme/../../../me',
  'a/b/../../../../../etc/passwd',
  'gh/../..',
  'gh/acme/..',
  'gh/acme/%2e%2e',
  'gh/acme/..%2f..%2fme',
  'gh//api',
  'gh/acme/api/',
  '/gh/acme/api',
  'gh/acme/api\n',
  'gh/acme/api\u0000',
  'gh/acme/a b',
  'gh/acme/api?x=1',
  'gh/acme/api#x',
  'xx/acme/api',
  'gh/acme',
  'gh/acme/api/extra',
  `gh/acme/${'a'.repeat(300)}`,
  'circleci/not-a-uuid/not-a-uuid',
];

describe('CircleCI path arguments never reach another upstream path', () => {
  it.each(slugs)('circleciProject(slug: %j) is refused before any call, with the lists started beside it', async (slug) => {
    const { result, sent } = await attempt(`query ($slug: String!) { circleciProject(slug: $slug) { name pipelines(first: 1) { edges { cursor } } settings { autocancelBuilds } } }`, { slug });
    expect(result.data).toEqual({ circleciProject: null });
    expect(codes(result)).toContain('BAD_USER_INPUT');
    expect(sent).toEqual([]);
  });

  it.each(escapes)('ids of pipelines, workflows, schedules, users, contexts and webhooks: %j is refused before any call', async (id) => {
    const { result, sent } = await attempt(
      `query ($id: ID!) {
        pipeline: circleciPipeline(id: $id) { number }
        workflow: circleciWorkflow(id: $id) { name }
        schedule: circleciSchedule(id: $id) { name }
        user: circleciUser(id: $id) { login }
        context: circleciContext(id: $id) { name }
        webhook: circleciWebhook(id: $id) { name }
      }`,
      { id },
    );
    expect(result.data).toEqual({ pipeline: null, workflow: null, schedule: null, user: null, context: null, webhook: null });
    expect(new Set(codes(result))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(sent).toEqual([]);
  });

  it('global ids whose decoded key holds such a value fetch nothing, through node and nodes', async () => {
    const ids = [
      toGlobalId('CircleCIProject', 'gh/acme/../../../me'),
      toGlobalId('CircleCIProject', 'a/b/../../../../../etc/passwd'),
      toGlobalId('CircleCIPipeline', '../../me'),
      toGlobalId('CircleCIWorkflow', '..%2f..%2fme'),
      toGlobalId('CircleCIJob', '../../me/x'),
      toGlobalId('CircleCISchedule', '..'),
      toGlobalId('CircleCIUser', '%2e%2e'),
      toGlobalId('CircleCIProjectEnvVar', JSON.stringify(['gh/acme/api', '../../../me'])),
      toGlobalId('CircleCIProjectEnvVar', JSON.stringify(['gh/acme/../../me', 'TOKEN'])),
      toGlobalId('CircleCICheckoutKey', JSON.stringify(['gh/acme/api', '../../../me'])),
    ];
    for (const id of ids) {
      const { result, sent } = await attempt(`query ($id: ID!) { node(id: $id) { id } }`, { id });
      expect(result.data, id).toEqual({ node: null });
      expect(codes(result), id).toEqual(['BAD_USER_INPUT']);
      expect(sent, id).toEqual([]);
    }
    const { result, sent } = await attempt(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(result.data).toEqual({ nodes: ids.map(() => null) });
    expect(sent).toEqual([]);
  });

  it("a project's own reads refuse a bad name, fingerprint or number, and read only the project's exact path", async () => {
    const { result, sent } = await attempt(`{
      circleciProject(slug: "gh/acme/api") {
        name
        envVar(name: "../../../me") { name }
        checkoutKey(fingerprint: "../../../me") { fingerprint }
        pipeline(number: -1) { number }
      }
    }`);
    expect(result.data).toEqual({ circleciProject: { name: 'api', envVar: null, checkoutKey: null, pipeline: null } });
    expect(codes(result)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(sent).toEqual(['GET /api/v2/project/gh/acme/api']);
    const job = await attempt(`{ circleciJob(projectSlug: "gh/acme/../../me", jobNumber: 1) { name } }`);
    expect(job.result.data).toEqual({ circleciJob: null });
    expect(job.sent).toEqual([]);
  });

  it('a workflow name is one encoded segment of the exact path its operation names', async () => {
    for (const [name, segment] of [
      ['a/b?c#d', 'a%2Fb%3Fc%23d'],
      ['deploy.prod', 'deploy.prod'],
      ['%2e%2e%2e', '%252e%252e%252e'],
      ['100% green', '100%25%20green'],
    ] as const) {
      const { sent } = await attempt(`query ($name: String!) { circleciWorkflowSummary(projectSlug: "gh/acme/api", workflowName: $name) { workflowNames } }`, { name });
      expect(sent, name).toEqual([`GET /api/v2/insights/gh/acme/api/workflows/${segment}/summary`]);
    }
    const refused = await attempt(`{ circleciWorkflowSummary(projectSlug: "gh/acme/api", workflowName: "..") { workflowNames } }`);
    expect(codes(refused.result)).toEqual(['BAD_USER_INPUT']);
    expect(refused.sent).toEqual([]);
  });

  it.each(hiddenDotSegments)('a workflow name holding a hidden dot segment, %j, is refused by every insights read before any call', async (name) => {
    const { result, sent } = await attempt(
      `query ($name: String!) {
        summary: circleciWorkflowSummary(projectSlug: "gh/acme/api", workflowName: $name) { workflowNames }
        runs: circleciWorkflowRuns(projectSlug: "gh/acme/api", workflowName: $name, first: 1) { edges { cursor } }
        jobs: circleciWorkflowJobMetrics(projectSlug: "gh/acme/api", workflowName: $name, first: 1) { edges { cursor } }
        tests: circleciWorkflowTestMetrics(projectSlug: "gh/acme/api", workflowName: $name) { averageTestCount }
        timeseries: circleciJobTimeseries(projectSlug: "gh/acme/api", workflowName: $name, first: 1) { edges { cursor } }
      }`,
      { name },
    );
    expect(result.data).toEqual({ summary: null, runs: null, jobs: null, tests: null, timeseries: null });
    expect(codes(result)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(sent).toEqual([]);
  });

  it.each(hiddenDotSegments)('slugs, ids and names holding %j are refused before any call', async (bad) => {
    const { result, sent } = await attempt(
      `query ($slug: String!, $id: ID!, $name: String!) {
        project: circleciProject(slug: $slug) { name }
        nested: circleciProject(slug: "gh/acme/api") { envVar(name: $name) { name } checkoutKey(fingerprint: $name) { fingerprint } }
        pipeline: circleciPipeline(id: $id) { number }
        policy: circleciPolicyDocument(ownerId: "${acme()}", name: $name) { name }
      }`,
      { slug: `gh/acme/${bad}`, id: bad, name: bad },
    );
    expect(result.data).toEqual({ project: null, nested: { envVar: null, checkoutKey: null }, pipeline: null, policy: null });
    expect(new Set(codes(result))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(sent).toEqual(['GET /api/v2/project/gh/acme/api']);
  });

  it('insights, policy, usage and claims arguments are refused before any call', async () => {
    const owner = acme();
    for (const query of [
      `{ circleciOrgInsightsSummary(orgSlug: "gh/..") { allProjects } }`,
      `{ circleciOrgInsightsSummary(orgSlug: "circleci/../..") { allProjects } }`,
      `{ circleciFlakyTests(projectSlug: "gh/acme/../../me") { totalFlakyTests } }`,
      `{ circleciPolicyBundle(ownerId: "../../../me") { documents { name } } }`,
      `{ circleciPolicyDocument(ownerId: "${owner}", name: "../../../me") { name } }`,
      `{ circleciDecisionLog(ownerId: "${owner}", decisionId: "../../me") { id } }`,
      `{ circleciDecisionSettings(ownerId: "${owner}", context: "..") { enabled } }`,
      `{ circleciUsageExport(orgId: "${owner}", jobId: "../../me") { state } }`,
      `{ circleciOrgOidcClaims(orgId: "..") { ttl } }`,
    ]) {
      const { result, sent } = await attempt(query);
      expect(codes(result), query).toEqual(['BAD_USER_INPUT']);
      expect(sent, query).toEqual([]);
    }
  });

  it('writes refuse the same values before any call: slugs, names, fingerprints, numbers and ids', async () => {
    const owner = acme();
    for (const mutation of [
      // The report: the slug check of writes accepted `gh/../..`.
      `mutation { circleciTriggerPipeline(input: { projectSlug: "gh/../.." }) { pipeline { number } } }`,
      `mutation { circleciTriggerPipeline(input: { projectSlug: "gh/acme/../../../me", branch: "main" }) { pipeline { number } } }`,
      `mutation { circleciCreateProjectEnvVar(input: { projectSlug: "a/b/../../../../../etc/passwd", name: "TOKEN", value: "x" }) { envVar { name } } }`,
      `mutation { circleciDeleteProjectEnvVar(input: { projectSlug: "gh/acme/api", name: "../../../me" }) { message } }`,
      `mutation { circleciCreateCheckoutKey(input: { projectSlug: "gh/../..", type: DEPLOY_KEY }) { checkoutKey { fingerprint } } }`,
      `mutation { circleciDeleteCheckoutKey(input: { projectSlug: "gh/acme/api", fingerprint: "../../../me" }) { message } }`,
      `mutation { circleciCancelJob(input: { projectSlug: "gh/acme/../..", jobNumber: 1 }) { message } }`,
      `mutation { circleciCancelJob(input: { projectSlug: "gh/acme/api", jobNumber: -5 }) { message } }`,
      `mutation { circleciCreateProject(input: { projectSlug: "gh/../.." }) { settings { autocancelBuilds } } }`,
      `mutation { circleciUpdateProjectSettings(input: { projectSlug: "gh/acme/..", settings: { autocancelBuilds: true } }) { settings { autocancelBuilds } } }`,
      `mutation { circleciCreateSchedule(input: { projectSlug: "gh//api", name: "n", timetable: { perHour: 1, hoursOfDay: [1], daysOfWeek: [MON] }, parameters: { branch: "main" } }) { schedule { name } } }`,
      `mutation { circleciCreatePolicyBundle(input: { ownerId: "../../../me", policies: [{ name: "a", content: "package org" }] }) { created } }`,
      `mutation { circleciSetDecisionSettings(input: { ownerId: "..", enabled: true }) { enabled } }`,
      `mutation { circleciMakeDecision(input: { ownerId: "${owner}/../..", input: "jobs: {}" }) { status } }`,
      `mutation { circleciDeleteContext(input: { contextId: "../../me" }) { message } }`,
      `mutation { circleciSetContextEnvVar(input: { contextId: "..", name: "TOKEN", value: "x" }) { variable } }`,
      `mutation { circleciUpdateWebhook(input: { id: "../../me", name: "x" }) { name } }`,
      `mutation { circleciDeleteWebhook(input: { id: "%2e%2e" }) { message } }`,
      `mutation { circleciCancelWorkflow(input: { workflowId: "../../me" }) { message } }`,
      `mutation { circleciApproveJob(input: { workflowId: "${t.simulators.circleci.store.workflows[0]?.id}", approvalRequestId: "../../me" }) { message } }`,
    ]) {
      const { result, sent } = await attempt(mutation);
      expect(codes(result), mutation).toEqual(['BAD_USER_INPUT']);
      expect(sent, mutation).toEqual([]);
    }
  });

  it('a sound slug in the long forms still reads its own path', async () => {
    const { result, sent } = await attempt(`{ circleciProject(slug: "github/acme/api") { name } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ circleciProject: { name: 'api' } });
    expect(sent).toEqual(['GET /api/v2/project/github/acme/api']);
  });
});
