import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const calls = async () => (await t.requests('circleci')).map((r) => ({ method: r.method, path: r.path, query: r.query }));
const finished = ['success', 'failed', 'error', 'canceled', 'unauthorized'];

describe('CircleCI Insights through GraphQL', () => {
  it('pages workflow runs across CircleCI page tokens, newest first, with the branch filter sent', async () => {
    const store = t.simulators.circleci.store;
    const expected = store.workflows
      .filter((w) => w.projectSlug === 'gh/acme/api' && w.name === 'build-and-test' && w.stoppedAt !== null && finished.includes(w.status))
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
      .map((w) => w.id);
    expect(expected.length).toBeGreaterThan(25);
    const query = `query ($after: String) { circleciWorkflowRuns(projectSlug: "gh/acme/api", workflowName: "build-and-test", allBranches: true, first: 25, after: $after) {
      edges { node { workflowId status branch durationSecs creditsUsed isApproval createdAt } } pageInfo { hasNextPage endCursor } } }`;
    const result = await t.gql(query);
    expect(result.errors).toBeUndefined();
    const runs = result.data?.['circleciWorkflowRuns'];
    expect(runs.edges.map((e: any) => e.node.workflowId)).toEqual(expected.slice(0, 25));
    expect(runs.pageInfo.hasNextPage).toBe(true);
    const log = await calls();
    expect(log).toHaveLength(2);
    expect(log[0]).toEqual({ method: 'GET', path: '/api/v2/insights/gh/acme/api/workflows/build-and-test', query: { 'all-branches': 'true' } });
    expect(log[1]?.query).toMatchObject({ 'all-branches': 'true', 'page-token': expect.any(String) });

    const rest = await t.gql(query, { after: runs.pageInfo.endCursor });
    expect(rest.data?.['circleciWorkflowRuns'].edges.map((e: any) => e.node.workflowId)).toEqual(expected.slice(25, 50));
  });

  it('links a run to its workflow', async () => {
    const result = await t.gql(`{ circleciWorkflowRuns(projectSlug: "gh/acme/web", workflowName: "build-and-test", allBranches: true, first: 1) { edges { node { workflowId workflow { workflowId name projectSlug } } } } }`);
    const node = result.data?.['circleciWorkflowRuns'].edges[0].node;
    expect(node.workflow).toEqual({ workflowId: node.workflowId, name: 'build-and-test', projectSlug: 'gh/acme/web' });
  });

  it('reads every Insights view with typed arguments mapped to CircleCI’s query parameters', async () => {
    const result = await t.gql(`{
      org: circleciOrgInsightsSummary(orgSlug: "gh/acme", reportingWindow: LAST_30_DAYS, projectNames: ["api", "web"]) {
        metrics { totalRuns totalCreditsUsed successRate } trends { totalRuns } projects { name metrics { totalRuns } } allProjects }
      project: circleciProjectInsightsSummary(projectSlug: "gh/acme/api", reportingWindow: LAST_7_DAYS, branches: ["main", "release/1.4"], workflowNames: ["build-and-test"]) {
        projectId metrics { totalRuns } workflows { name metrics { totalRuns p95DurationSecs } } workflowBranches { name branch } allWorkflows }
      branches: circleciInsightsBranches(projectSlug: "gh/acme/api", workflowName: "build-and-test") { projectId branches }
      flaky: circleciFlakyTests(projectSlug: "gh/acme/api") { totalFlakyTests tests { testName jobName timesFlaked workflowName } }
      metrics: circleciWorkflowMetrics(projectSlug: "gh/acme/api", branch: "main", reportingWindow: LAST_90_DAYS) {
        edges { node { name projectId metrics { totalRuns successfulRuns failedRuns successRate duration { median p95 } } } } }
      jobs: circleciWorkflowJobMetrics(projectSlug: "gh/acme/api", workflowName: "build-and-test", allBranches: true) { edges { node { name metrics { totalRuns } } } }
      summary: circleciWorkflowSummary(projectSlug: "gh/acme/api", workflowName: "build-and-test") { metrics { totalRuns completedRuns } trends { successRate } workflowNames }
      tests: circleciWorkflowTestMetrics(projectSlug: "gh/acme/api", workflowName: "build-and-test") { averageTestCount mostFailedTests { testName flaky } slowestTests { testName p95DurationSecs } testRuns { total } }
      series: circleciJobTimeseries(projectSlug: "gh/acme/api", workflowName: "build-and-test", branch: "main", granularity: DAILY, startDate: "2000-01-01T00:00:00Z", endDate: "2100-01-01T00:00:00Z") {
        totalCount edges { node { name timestamp metrics { totalRuns duration { total } } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    expect(data['org'].projects.map((p: any) => p.name)).toEqual(['api', 'web']);
    expect(data['org'].allProjects).toEqual(['api', 'web', 'infra', 'mobile']);
    expect(data['org'].metrics.totalRuns).toBe(data['org'].projects.reduce((sum: number, p: any) => sum + p.metrics.totalRuns, 0));
    expect(data['project'].workflows.map((w: any) => w.name)).toEqual(['build-and-test']);
    expect(data['project'].workflowBranches.every((row: any) => ['main', 'release/1.4'].includes(row.branch))).toBe(true);
    expect(data['branches'].branches).toContain('main');
    expect(data['flaky'].totalFlakyTests).toBe(data['flaky'].tests.length);
    expect(data['metrics'].edges.map((e: any) => e.node.name)).toEqual(['build-and-test', 'deploy'].filter((name) => data['metrics'].edges.some((e: any) => e.node.name === name)));
    expect(data['jobs'].edges.map((e: any) => e.node.name)).toEqual(['build', 'lint', 'test']);
    expect(data['summary'].workflowNames).toEqual(['build-and-test', 'deploy']);
    expect(data['tests'].averageTestCount).toBe(40);
    expect(data['series'].totalCount).toBe(data['series'].edges.length);
    expect(data['series'].edges.length).toBeGreaterThan(0);

    const byPath = new Map((await calls()).map((c) => [c.path, c.query]));
    expect(byPath.get('/api/v2/insights/gh/acme/summary')).toEqual({ 'reporting-window': 'last-30-days', 'project-names': ['api', 'web'] });
    expect(byPath.get('/api/v2/insights/pages/gh/acme/api/summary')).toEqual({
      'reporting-window': 'last-7-days',
      branches: ['main', 'release/1.4'],
      'workflow-names': 'build-and-test',
    });
    expect(byPath.get('/api/v2/insights/gh/acme/api/branches')).toEqual({ 'workflow-name': 'build-and-test' });
    expect(byPath.get('/api/v2/insights/gh/acme/api/workflows')).toEqual({ branch: 'main', 'reporting-window': 'last-90-days' });
    expect(byPath.get('/api/v2/insights/time-series/gh/acme/api/workflows/build-and-test/jobs')).toEqual({
      branch: 'main',
      granularity: 'daily',
      'start-date': '2000-01-01T00:00:00Z',
      'end-date': '2100-01-01T00:00:00Z',
    });
    expect(byPath.size).toBe(9);
  });

  it('sends identical Insights reads once per operation', async () => {
    const result = await t.gql(`{
      a: circleciWorkflowSummary(projectSlug: "gh/acme/api", workflowName: "build-and-test") { metrics { totalRuns } }
      b: circleciWorkflowSummary(projectSlug: "gh/acme/api", workflowName: "build-and-test") { workflowNames }
    }`);
    expect(result.data?.['a'].metrics.totalRuns).toBeGreaterThan(0);
    expect(await calls()).toHaveLength(1);
  });

  it('rejects conflicting branch filters, reversed dates and malformed slugs before calling CircleCI', async () => {
    const results = await Promise.all([
      t.gql(`{ circleciWorkflowSummary(projectSlug: "gh/acme/api", workflowName: "x", branch: "main", allBranches: true) { workflowNames } }`),
      t.gql(`{ circleciWorkflowRuns(projectSlug: "gh/acme/api", workflowName: "x", startDate: "2024-02-01T00:00:00Z", endDate: "2024-01-01T00:00:00Z") { edges { cursor } } }`),
      t.gql(`{ circleciFlakyTests(projectSlug: "acme") { totalFlakyTests } }`),
      t.gql(`{ circleciOrgInsightsSummary(orgSlug: "gh/acme/api") { allProjects } }`),
      t.gql(`query ($start: DateTime) { circleciJobTimeseries(projectSlug: "gh/acme/api", workflowName: "x", startDate: $start) { totalCount } }`, { start: 'yesterday' }),
    ]);
    for (const result of results) expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await calls()).toEqual([]);
  });

  it('decodes numbers CircleCI sends as strings', async () => {
    await t.fault('circleci', {
        path: '/insights/gh/acme/api/flaky-tests$',
        status: 200,
        times: 1,
        body: { 'flaky-tests': [{ 'test-name': 't', 'times-flaked': '3', 'job-number': '12', 'time-wasted': '4.5' }], 'total-flaky-tests': '1' },
      });
    const result = await t.gql(`{ circleciFlakyTests(projectSlug: "gh/acme/api") { totalFlakyTests tests { testName timesFlaked jobNumber timeWastedSecs classname } } }`);
    expect(result.data?.['circleciFlakyTests']).toEqual({ totalFlakyTests: 1, tests: [{ testName: 't', timesFlaked: 3, jobNumber: 12, timeWastedSecs: 4.5, classname: null }] });
  });
});
