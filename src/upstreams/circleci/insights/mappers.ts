import { bool, int, list, num, obj, str, strList } from '../../decode.js';
import type {
  CircleCiDurationMetrics,
  CircleCiFlakyTestsModel,
  CircleCiInsightsBranchesModel,
  CircleCiInsightsMetrics,
  CircleCiInsightsTrends,
  CircleCiJobMetricsModel,
  CircleCiJobTimeseriesModel,
  CircleCiOrgSummaryModel,
  CircleCiProjectSummaryModel,
  CircleCiSummaryRowModel,
  CircleCiTestMetricsModel,
  CircleCiTestModel,
  CircleCiWorkflowMetricsModel,
  CircleCiWorkflowRunModel,
  CircleCiWorkflowSummaryModel,
} from './models.js';
import type { WireInsightsObject } from './wire.js';

const empty: WireInsightsObject = {};

function toDuration(value: unknown): CircleCiDurationMetrics | null {
  const wire = obj(value);
  if (wire === null) return null;
  return {
    min: num(wire['min']),
    mean: num(wire['mean']),
    median: num(wire['median']),
    p95: num(wire['p95']),
    max: num(wire['max']),
    total: num(wire['total']),
    standardDeviation: num(wire['standard_deviation']),
  };
}

/** Any Insights `metrics` object. */
export function toMetrics(value: unknown): CircleCiInsightsMetrics {
  const wire = obj(value) ?? empty;
  return {
    totalRuns: int(wire['total_runs']),
    successfulRuns: int(wire['successful_runs']),
    failedRuns: int(wire['failed_runs']),
    completedRuns: int(wire['completed_runs']),
    successRate: num(wire['success_rate']),
    throughput: num(wire['throughput']),
    mttr: num(wire['mttr']),
    totalRecoveries: int(wire['total_recoveries']),
    totalCreditsUsed: num(wire['total_credits_used']),
    medianCreditsUsed: num(wire['median_credits_used']),
    totalDurationSecs: num(wire['total_duration_secs']),
    p95DurationSecs: num(wire['p95_duration_secs']),
    windowStart: str(wire['window_start']),
    windowEnd: str(wire['window_end']),
    duration: toDuration(wire['duration_metrics']),
  };
}

/** Any Insights `trends` object (ratios against the previous window). */
export function toTrends(value: unknown): CircleCiInsightsTrends {
  const wire = obj(value) ?? empty;
  return {
    totalRuns: num(wire['total_runs']),
    failedRuns: num(wire['failed_runs']),
    successRate: num(wire['success_rate']),
    throughput: num(wire['throughput']),
    mttr: num(wire['mttr']),
    totalCreditsUsed: num(wire['total_credits_used']),
    totalDurationSecs: num(wire['total_duration_secs']),
    p95DurationSecs: num(wire['p95_duration_secs']),
    medianDurationSecs: num(wire['median_duration_secs']),
  };
}

/** An item of `GET /insights/{project-slug}/workflows`. */
export function toWorkflowMetrics(wire: WireInsightsObject): CircleCiWorkflowMetricsModel {
  return {
    __typename: 'CircleCIWorkflowMetrics',
    name: str(wire['name']) ?? '',
    projectId: str(wire['project_id']),
    windowStart: str(wire['window_start']),
    windowEnd: str(wire['window_end']),
    metrics: toMetrics(wire['metrics']),
  };
}

/** An item of `GET /insights/{project-slug}/workflows/{workflow-name}/jobs`. */
export function toJobMetrics(wire: WireInsightsObject): CircleCiJobMetricsModel {
  return {
    __typename: 'CircleCIJobMetrics',
    name: str(wire['name']) ?? '',
    windowStart: str(wire['window_start']),
    windowEnd: str(wire['window_end']),
    metrics: toMetrics(wire['metrics']),
  };
}

/** An item of `GET /insights/{project-slug}/workflows/{workflow-name}`. */
export function toWorkflowRun(wire: WireInsightsObject): CircleCiWorkflowRunModel {
  return {
    __typename: 'CircleCIWorkflowRun',
    id: str(wire['id']) ?? '',
    branch: str(wire['branch']),
    durationSecs: num(wire['duration']),
    createdAt: str(wire['created_at']),
    stoppedAt: str(wire['stopped_at']),
    creditsUsed: num(wire['credits_used']),
    status: str(wire['status']),
    isApproval: bool(wire['is_approval']) ?? false,
  };
}

/** `GET /insights/{project-slug}/workflows/{workflow-name}/summary`. */
export function toWorkflowSummary(wire: WireInsightsObject): CircleCiWorkflowSummaryModel {
  return {
    __typename: 'CircleCIWorkflowSummary',
    metrics: toMetrics(wire['metrics']),
    trends: toTrends(wire['trends']),
    workflowNames: strList(wire['workflow_names']),
  };
}

function toTest(value: unknown): CircleCiTestModel {
  const wire = obj(value) ?? empty;
  return {
    testName: str(wire['test_name']) ?? '',
    classname: str(wire['classname']),
    file: str(wire['file']),
    source: str(wire['source']),
    jobName: str(wire['job_name']),
    totalRuns: int(wire['total_runs']),
    failedRuns: int(wire['failed_runs']),
    flaky: bool(wire['flaky']),
    p95DurationSecs: num(wire['p95_duration']),
  };
}

/** `GET /insights/{project-slug}/workflows/{workflow-name}/test-metrics`. */
export function toTestMetrics(wire: WireInsightsObject): CircleCiTestMetricsModel {
  return {
    __typename: 'CircleCIWorkflowTestMetrics',
    averageTestCount: int(wire['average_test_count']),
    totalTestRuns: int(wire['total_test_runs']),
    mostFailedTests: list(wire['most_failed_tests']).map(toTest),
    mostFailedTestsExtra: int(wire['most_failed_tests_extra']),
    slowestTests: list(wire['slowest_tests']).map(toTest),
    slowestTestsExtra: int(wire['slowest_tests_extra']),
    testRuns: list(wire['test_runs']).map((value) => {
      const run = obj(value) ?? empty;
      const counts = obj(run['test_counts']) ?? empty;
      return {
        pipelineNumber: int(run['pipeline_number']),
        workflowId: str(run['workflow_id']),
        successRate: num(run['success_rate']),
        error: int(counts['error']),
        failure: int(counts['failure']),
        skipped: int(counts['skipped']),
        success: int(counts['success']),
        total: int(counts['total']),
      };
    }),
  };
}

/** `GET /insights/{project-slug}/flaky-tests` (kebab-case keys). */
export function toFlakyTests(wire: WireInsightsObject): CircleCiFlakyTestsModel {
  return {
    __typename: 'CircleCIFlakyTests',
    totalFlakyTests: int(wire['total-flaky-tests']),
    tests: list(wire['flaky-tests']).map((value) => {
      const test = obj(value) ?? empty;
      return {
        testName: str(test['test-name']) ?? '',
        classname: str(test['classname']),
        file: str(test['file']),
        source: str(test['source']),
        jobName: str(test['job-name']),
        jobNumber: int(test['job-number']),
        workflowName: str(test['workflow-name']),
        workflowId: str(test['workflow-id']),
        workflowCreatedAt: str(test['workflow-created-at']),
        pipelineNumber: int(test['pipeline-number']),
        timesFlaked: int(test['times-flaked']),
        timeWastedSecs: num(test['time-wasted']),
      };
    }),
  };
}

/** `GET /insights/{project-slug}/branches`. */
export function toInsightsBranches(wire: WireInsightsObject): CircleCiInsightsBranchesModel {
  return { __typename: 'CircleCIInsightsBranches', orgId: str(wire['org_id']), projectId: str(wire['project_id']), branches: strList(wire['branches']) };
}

/** An item of `GET /insights/time-series/{project-slug}/workflows/{workflow-name}/jobs`. */
export function toJobTimeseries(wire: WireInsightsObject): CircleCiJobTimeseriesModel {
  return {
    __typename: 'CircleCIJobTimeseries',
    name: str(wire['name']) ?? '',
    timestamp: str(wire['timestamp']),
    minStartedAt: str(wire['min_started_at']),
    maxEndedAt: str(wire['max_ended_at']),
    metrics: toMetrics(wire['metrics']),
  };
}

function toRow(nameKey: string): (value: unknown) => CircleCiSummaryRowModel {
  return (value) => {
    const wire = obj(value) ?? empty;
    return { name: str(wire[nameKey]) ?? '', branch: str(wire['branch']), metrics: toMetrics(wire['metrics']), trends: toTrends(wire['trends']) };
  };
}

/** `GET /insights/{org-slug}/summary`. */
export function toOrgSummary(wire: WireInsightsObject): CircleCiOrgSummaryModel {
  const org = obj(wire['org_data']) ?? empty;
  return {
    __typename: 'CircleCIOrgInsightsSummary',
    metrics: toMetrics(org['metrics']),
    trends: toTrends(org['trends']),
    projects: list(wire['org_project_data']).map(toRow('project_name')),
    allProjects: strList(wire['all_projects']),
  };
}

/** `GET /insights/pages/{project-slug}/summary`. */
export function toProjectSummary(wire: WireInsightsObject): CircleCiProjectSummaryModel {
  const project = obj(wire['project_data']) ?? empty;
  return {
    __typename: 'CircleCIProjectInsightsSummary',
    orgId: str(wire['org_id']),
    projectId: str(wire['project_id']),
    metrics: toMetrics(project['metrics']),
    trends: toTrends(project['trends']),
    workflows: list(wire['project_workflow_data']).map(toRow('workflow_name')),
    workflowBranches: list(wire['project_workflow_branch_data']).map(toRow('workflow_name')),
    allBranches: strList(wire['all_branches']),
    allWorkflows: strList(wire['all_workflows']),
  };
}
