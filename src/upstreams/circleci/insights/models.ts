/**
 * CircleCI Insights as resolvers receive them. Metrics and trends of every
 * endpoint share one shape each, with the fields an endpoint lacks as null.
 */

/** Durations in seconds. */
export interface CircleCiDurationMetrics {
  readonly min: number | null;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p95: number | null;
  readonly max: number | null;
  readonly total: number | null;
  readonly standardDeviation: number | null;
}

/** Metrics of any Insights endpoint. */
export interface CircleCiInsightsMetrics {
  readonly totalRuns: number | null;
  readonly successfulRuns: number | null;
  readonly failedRuns: number | null;
  readonly completedRuns: number | null;
  readonly successRate: number | null;
  readonly throughput: number | null;
  readonly mttr: number | null;
  readonly totalRecoveries: number | null;
  readonly totalCreditsUsed: number | null;
  readonly medianCreditsUsed: number | null;
  readonly totalDurationSecs: number | null;
  readonly p95DurationSecs: number | null;
  readonly windowStart: string | null;
  readonly windowEnd: string | null;
  readonly duration: CircleCiDurationMetrics | null;
}

/** Trends of any Insights endpoint. */
export interface CircleCiInsightsTrends {
  readonly totalRuns: number | null;
  readonly failedRuns: number | null;
  readonly successRate: number | null;
  readonly throughput: number | null;
  readonly mttr: number | null;
  readonly totalCreditsUsed: number | null;
  readonly totalDurationSecs: number | null;
  readonly p95DurationSecs: number | null;
  readonly medianDurationSecs: number | null;
}

/** Metrics of one workflow. */
export interface CircleCiWorkflowMetricsModel {
  readonly __typename: 'CircleCIWorkflowMetrics';
  readonly name: string;
  readonly projectId: string | null;
  readonly windowStart: string | null;
  readonly windowEnd: string | null;
  readonly metrics: CircleCiInsightsMetrics;
}

/** Metrics of one job of a workflow. */
export interface CircleCiJobMetricsModel {
  readonly __typename: 'CircleCIJobMetrics';
  readonly name: string;
  readonly windowStart: string | null;
  readonly windowEnd: string | null;
  readonly metrics: CircleCiInsightsMetrics;
}

/** A finished workflow run. */
export interface CircleCiWorkflowRunModel {
  readonly __typename: 'CircleCIWorkflowRun';
  readonly id: string;
  readonly branch: string | null;
  readonly durationSecs: number | null;
  readonly createdAt: string | null;
  readonly stoppedAt: string | null;
  readonly creditsUsed: number | null;
  readonly status: string | null;
  readonly isApproval: boolean;
}

/** A workflow summary with trends. */
export interface CircleCiWorkflowSummaryModel {
  readonly __typename: 'CircleCIWorkflowSummary';
  readonly metrics: CircleCiInsightsMetrics;
  readonly trends: CircleCiInsightsTrends;
  readonly workflowNames: readonly string[];
}

/** One test in test metrics. */
export interface CircleCiTestModel {
  readonly testName: string;
  readonly classname: string | null;
  readonly file: string | null;
  readonly source: string | null;
  readonly jobName: string | null;
  readonly totalRuns: number | null;
  readonly failedRuns: number | null;
  readonly flaky: boolean | null;
  readonly p95DurationSecs: number | null;
}

/** Test counts of one workflow run. */
export interface CircleCiTestRunModel {
  readonly pipelineNumber: number | null;
  readonly workflowId: string | null;
  readonly successRate: number | null;
  readonly error: number | null;
  readonly failure: number | null;
  readonly skipped: number | null;
  readonly success: number | null;
  readonly total: number | null;
}

/** Test metrics of a workflow. */
export interface CircleCiTestMetricsModel {
  readonly __typename: 'CircleCIWorkflowTestMetrics';
  readonly averageTestCount: number | null;
  readonly totalTestRuns: number | null;
  readonly mostFailedTests: readonly CircleCiTestModel[];
  readonly mostFailedTestsExtra: number | null;
  readonly slowestTests: readonly CircleCiTestModel[];
  readonly slowestTestsExtra: number | null;
  readonly testRuns: readonly CircleCiTestRunModel[];
}

/** A flaky test. */
export interface CircleCiFlakyTestModel {
  readonly testName: string;
  readonly classname: string | null;
  readonly file: string | null;
  readonly source: string | null;
  readonly jobName: string | null;
  readonly jobNumber: number | null;
  readonly workflowName: string | null;
  readonly workflowId: string | null;
  readonly workflowCreatedAt: string | null;
  readonly pipelineNumber: number | null;
  readonly timesFlaked: number | null;
  readonly timeWastedSecs: number | null;
}

/** A project's flaky tests. */
export interface CircleCiFlakyTestsModel {
  readonly __typename: 'CircleCIFlakyTests';
  readonly totalFlakyTests: number | null;
  readonly tests: readonly CircleCiFlakyTestModel[];
}

/** The branches Insights has data for. */
export interface CircleCiInsightsBranchesModel {
  readonly __typename: 'CircleCIInsightsBranches';
  readonly orgId: string | null;
  readonly projectId: string | null;
  readonly branches: readonly string[];
}

/** A job's metrics in one time bucket. */
export interface CircleCiJobTimeseriesModel {
  readonly __typename: 'CircleCIJobTimeseries';
  readonly name: string;
  readonly timestamp: string | null;
  readonly minStartedAt: string | null;
  readonly maxEndedAt: string | null;
  readonly metrics: CircleCiInsightsMetrics;
}

/** A named row of a summary page: a project, a workflow, or a workflow on a branch. */
export interface CircleCiSummaryRowModel {
  readonly name: string;
  readonly branch: string | null;
  readonly metrics: CircleCiInsightsMetrics;
  readonly trends: CircleCiInsightsTrends;
}

/** An organization's summary. */
export interface CircleCiOrgSummaryModel {
  readonly __typename: 'CircleCIOrgInsightsSummary';
  readonly metrics: CircleCiInsightsMetrics;
  readonly trends: CircleCiInsightsTrends;
  readonly projects: readonly CircleCiSummaryRowModel[];
  readonly allProjects: readonly string[];
}

/** A project's Insights page. */
export interface CircleCiProjectSummaryModel {
  readonly __typename: 'CircleCIProjectInsightsSummary';
  readonly orgId: string | null;
  readonly projectId: string | null;
  readonly metrics: CircleCiInsightsMetrics;
  readonly trends: CircleCiInsightsTrends;
  readonly workflows: readonly CircleCiSummaryRowModel[];
  readonly workflowBranches: readonly CircleCiSummaryRowModel[];
  readonly allBranches: readonly string[];
  readonly allWorkflows: readonly string[];
}
