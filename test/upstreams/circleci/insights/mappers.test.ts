import { describe, expect, it } from 'vitest';
import { toMetrics, toOrgSummary, toWorkflowRun } from '../../../../src/upstreams/circleci/insights/mappers.js';

const nullMetrics = {
  totalRuns: null,
  successfulRuns: null,
  failedRuns: null,
  completedRuns: null,
  successRate: null,
  throughput: null,
  mttr: null,
  totalRecoveries: null,
  totalCreditsUsed: null,
  medianCreditsUsed: null,
  totalDurationSecs: null,
  p95DurationSecs: null,
  windowStart: null,
  windowEnd: null,
  duration: null,
};

describe('insights mappers', () => {
  it('reads metrics leniently: numbers as strings, nullable durations', () => {
    expect(
      toMetrics({ total_runs: '25', success_rate: '0.5', total_credits_used: 9_000_000_000, duration_metrics: { min: null, median: '30', p95: 90, standard_deviation: '1.5' } }),
    ).toEqual({
      ...nullMetrics,
      totalRuns: 25,
      successRate: 0.5,
      totalCreditsUsed: 9_000_000_000,
      duration: { min: null, mean: null, median: 30, p95: 90, max: null, total: null, standardDeviation: 1.5 },
    });
    expect(toMetrics(undefined)).toEqual(nullMetrics);
  });

  it('maps a workflow run', () => {
    expect(toWorkflowRun({ id: 'w', branch: 'main', duration: '61', created_at: 'a', stopped_at: null, credits_used: 10, status: 'success', is_approval: 'false' })).toEqual({
      __typename: 'CircleCIWorkflowRun',
      id: 'w',
      branch: 'main',
      durationSecs: 61,
      createdAt: 'a',
      stoppedAt: null,
      creditsUsed: 10,
      status: 'success',
      isApproval: false,
    });
  });

  it('maps an org summary with x-nullable all_projects', () => {
    const summary = toOrgSummary({ org_data: { metrics: { total_runs: 3 }, trends: { total_runs: '1.5' } }, org_project_data: [{ project_name: 'api', metrics: {}, trends: {} }], all_projects: null });
    expect(summary.allProjects).toEqual([]);
    expect(summary.metrics.totalRuns).toBe(3);
    expect(summary.trends.totalRuns).toBe(1.5);
    expect(summary.projects.map((row) => [row.name, row.branch])).toEqual([['api', null]]);
  });
});
