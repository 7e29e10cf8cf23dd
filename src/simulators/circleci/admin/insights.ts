import { SimError, type SimRequest } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import type { CircleCiStore, SimJob, SimProject, SimWorkflow } from '../store.js';
import { itemsPage, userOf, visibleProject } from '../routes/context.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

const finishedStatuses = ['success', 'failed', 'error', 'canceled', 'unauthorized'];
const windows: Record<string, number> = {
  'last-24-hours': 1,
  'last-7-days': 7,
  'last-30-days': 30,
  'last-60-days': 60,
  'last-90-days': 90,
};

interface Run {
  readonly workflow: SimWorkflow;
  readonly branch: string;
  readonly durationSecs: number;
  readonly credits: number;
}

const secondsBetween = (from: string, to: string): number => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
const creditsFor = (seconds: number): number => Math.max(1, Math.round(seconds / 6));

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

function durationMetrics(values: readonly number[]): Record<string, number | null> {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { min: null, mean: null, median: null, p95: null, max: null, standard_deviation: null };
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  const variance = sorted.reduce((sum, value) => sum + (value - mean) ** 2, 0) / sorted.length;
  return {
    min: sorted[0] ?? null,
    mean: Math.round(mean),
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? null,
    standard_deviation: Math.round(Math.sqrt(variance) * 10) / 10,
  };
}

function successRate(runs: readonly { status: string }[]): number {
  return runs.length === 0 ? 0 : Math.round((runs.filter((run) => run.status === 'success').length / runs.length) * 1000) / 1000;
}

/** Trends compare with the previous window; the simulation holds no earlier history, so every ratio is flat. */
const flatTrends = (keys: readonly string[]): Record<string, number> => Object.fromEntries(keys.map((key) => [key, 1]));

/** Insights computed from the simulator's finished workflows and jobs. */
export function insightsRoutes(router: Router, store: CircleCiStore): void {
  const branchOf = (workflow: SimWorkflow): string => store.pipelines.find((pipeline) => pipeline.id === workflow.pipelineId)?.branch ?? 'main';

  /** Finished runs of a project, on the branch filter the request names (the default branch when none). */
  const runsOf = (req: SimRequest, project: SimProject, name?: string, options: { windowed?: boolean } = {}): Run[] => {
    const branch = req.query.get('branch');
    const all = req.query.get('all-branches') === 'true';
    if (branch !== null && all) throw new SimError(400, 'branch and all-branches cannot both be given');
    const windowName = req.query.get('reporting-window') ?? 'last-90-days';
    const days = windows[windowName];
    if (days === undefined) throw new SimError(400, `Invalid reporting-window ${windowName}`);
    const since = options.windowed === false ? 0 : Date.now() - days * 86_400_000;
    return store.workflows
      .filter((workflow) => workflow.projectSlug === project.slug && (name === undefined || workflow.name === name))
      .filter((workflow) => workflow.stoppedAt !== null && finishedStatuses.includes(workflow.status) && Date.parse(workflow.createdAt) >= since)
      .map((workflow) => {
        const durationSecs = secondsBetween(workflow.createdAt, workflow.stoppedAt ?? workflow.createdAt);
        return { workflow, branch: branchOf(workflow), durationSecs, credits: creditsFor(durationSecs) };
      })
      .filter((run) => all || run.branch === (branch ?? 'main'))
      .sort((a, b) => Date.parse(b.workflow.createdAt) - Date.parse(a.workflow.createdAt));
  };

  const windowOf = (runs: readonly Run[]) => ({
    window_start: runs[runs.length - 1]?.workflow.createdAt ?? new Date(Date.now() - 86_400_000).toISOString(),
    window_end: runs[0]?.workflow.stoppedAt ?? new Date().toISOString(),
  });

  const workflowMetrics = (runs: readonly Run[]) => {
    const statuses = runs.map((run) => ({ status: run.workflow.status }));
    const failed = runs.filter((run) => run.workflow.status !== 'success').length;
    return {
      total_runs: runs.length,
      successful_runs: runs.length - failed,
      mttr: failed > 0 ? 3600 : null,
      total_credits_used: runs.reduce((sum, run) => sum + run.credits, 0),
      failed_runs: failed,
      success_rate: successRate(statuses),
      duration_metrics: durationMetrics(runs.map((run) => run.durationSecs)),
      total_recoveries: failed > 0 ? failed : null,
      throughput: Math.round((runs.length / 90) * 1000) / 1000,
    };
  };

  const jobsOf = (runs: readonly Run[]): SimJob[] => {
    const ids = new Set(runs.map((run) => run.workflow.id));
    return store.jobs.filter((job) => ids.has(job.workflowId) && job.type === 'build' && job.startedAt !== null && job.stoppedAt !== null);
  };

  const jobMetrics = (jobs: readonly SimJob[]) => {
    const durations = jobs.map((job) => secondsBetween(job.startedAt ?? '', job.stoppedAt ?? ''));
    const successful = jobs.filter((job) => job.status === 'success').length;
    return {
      total_runs: jobs.length,
      failed_runs: jobs.length - successful,
      successful_runs: successful,
      duration_metrics: durationMetrics(durations),
      success_rate: successRate(jobs),
      total_credits_used: durations.reduce((sum, seconds) => sum + creditsFor(seconds), 0),
      throughput: Math.round((jobs.length / 90) * 1000) / 1000,
    };
  };

  const summaryRow = (runs: readonly Run[]) => ({
    total_credits_used: runs.reduce((sum, run) => sum + run.credits, 0),
    p95_duration_secs: percentile([...runs.map((run) => run.durationSecs)].sort((a, b) => a - b), 95) ?? 0,
    total_runs: runs.length,
    success_rate: successRate(runs.map((run) => ({ status: run.workflow.status }))),
  });

  const totals = (runs: readonly Run[]) => ({
    total_runs: runs.length,
    total_duration_secs: runs.reduce((sum, run) => sum + run.durationSecs, 0),
    total_credits_used: runs.reduce((sum, run) => sum + run.credits, 0),
    success_rate: successRate(runs.map((run) => ({ status: run.workflow.status }))),
    throughput: Math.round((runs.length / 90) * 1000) / 1000,
  });

  const project = (req: SimRequest): SimProject => visibleProject(store, req, req.params['project-slug'] ?? '');
  const dateRange = (req: SimRequest): [number, number] => {
    const start = req.query.get('start-date');
    const end = req.query.get('end-date');
    const from = start === null ? 0 : Date.parse(start);
    const to = end === null ? Number.MAX_SAFE_INTEGER : Date.parse(end);
    if (Number.isNaN(from) || Number.isNaN(to)) throw new SimError(400, 'start-date and end-date must be RFC 3339 date-times');
    if (from > to) throw new SimError(400, 'start-date must be before end-date');
    return [from, to];
  };

  router.on(ops.getProjectWorkflowsPageData, (req) => {
    const target = project(req);
    const branches = req.query.getAll('branches');
    const names = req.query.getAll('workflow-names');
    const all = runsOf({ ...req, query: new URLSearchParams({ 'all-branches': 'true', 'reporting-window': req.query.get('reporting-window') ?? 'last-90-days' }) }, target);
    const runs = all.filter((run) => (names.length === 0 || names.includes(run.workflow.name)));
    const workflowNames = [...new Set(all.map((run) => run.workflow.name))].sort();
    const branchNames = [...new Set(all.map((run) => run.branch))].sort();
    const rowKeys = ['total_credits_used', 'p95_duration_secs', 'total_runs', 'success_rate'];
    const org = store.orgs.find((candidate) => candidate.slug === target.orgSlug);
    return {
      status: 200,
      body: {
        org_id: org?.id ?? '',
        project_id: target.id,
        project_data: { metrics: totals(runs), trends: flatTrends(['total_runs', 'total_duration_secs', 'total_credits_used', 'success_rate', 'throughput']) },
        project_workflow_data: workflowNames
          .filter((name) => names.length === 0 || names.includes(name))
          .map((name) => ({ workflow_name: name, metrics: summaryRow(runs.filter((run) => run.workflow.name === name)), trends: flatTrends(rowKeys) })),
        project_workflow_branch_data: workflowNames
          .filter((name) => names.length === 0 || names.includes(name))
          .flatMap((name) =>
            branchNames
              .filter((branch) => branches.length === 0 || branches.includes(branch))
              .map((branch) => ({ name, branch, runs: runs.filter((run) => run.workflow.name === name && run.branch === branch) }))
              .filter((row) => row.runs.length > 0)
              .map((row) => ({ workflow_name: row.name, branch: row.branch, metrics: summaryRow(row.runs), trends: flatTrends(rowKeys) })),
          ),
        all_branches: branchNames,
        all_workflows: workflowNames,
      },
    };
  });

  router.on(ops.getJobTimeseries, (req) => {
    const target = project(req);
    const granularity = req.query.get('granularity') ?? 'daily';
    if (granularity !== 'daily' && granularity !== 'hourly') throw new SimError(400, 'granularity must be daily or hourly');
    const [from, to] = dateRange(req);
    const bucketMs = granularity === 'daily' ? 86_400_000 : 3_600_000;
    const jobs = jobsOf(runsOf(req, target, req.params['workflow-name'], { windowed: false })).filter((job) => {
      const at = Date.parse(job.startedAt ?? '');
      return at >= from && at <= to;
    });
    const groups = new Map<string, SimJob[]>();
    for (const job of jobs) {
      const bucket = Math.floor(Date.parse(job.startedAt ?? '') / bucketMs) * bucketMs;
      const key = `${job.name}\u0000${bucket}`;
      groups.set(key, [...(groups.get(key) ?? []), job]);
    }
    const items = [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, group]) => {
        const [name, bucket] = key.split('\u0000') as [string, string];
        const metrics = jobMetrics(group);
        const durations = group.map((job) => secondsBetween(job.startedAt ?? '', job.stoppedAt ?? ''));
        const credits = durations.map(creditsFor).sort((a, b) => a - b);
        return {
          name,
          min_started_at: group.map((job) => job.startedAt ?? '').sort()[0],
          max_ended_at: group.map((job) => job.stoppedAt ?? '').sort().at(-1),
          timestamp: new Date(Number(bucket)).toISOString(),
          metrics: {
            total_runs: metrics.total_runs,
            failed_runs: metrics.failed_runs,
            successful_runs: metrics.successful_runs,
            throughput: metrics.throughput,
            median_credits_used: percentile(credits, 50) ?? 0,
            total_credits_used: metrics.total_credits_used,
            duration_metrics: {
              min: metrics.duration_metrics['min'] ?? null,
              median: metrics.duration_metrics['median'] ?? null,
              max: metrics.duration_metrics['max'] ?? null,
              p95: metrics.duration_metrics['p95'] ?? null,
              total: durations.reduce((sum, seconds) => sum + seconds, 0),
            },
          },
        };
      });
    return { status: 200, body: { next_page_token: null, items } };
  });

  router.on(ops.getOrgSummaryData, (req) => {
    const user = userOf(store, req);
    const slug = (req.params['org-slug'] ?? '').replace(/^github\//, 'gh/').replace(/^bitbucket\//, 'bb/');
    const org = store.orgs.find((candidate) => candidate.slug === slug);
    if (org === undefined || !user.orgs.includes(org.slug)) throw new SimError(404, 'Organization not found');
    const names = req.query.getAll('project-names');
    const projects = store.projects.filter((candidate) => candidate.orgSlug === org.slug);
    const allBranches = new URLSearchParams({ 'all-branches': 'true', 'reporting-window': req.query.get('reporting-window') ?? 'last-90-days' });
    const rows = projects
      .filter((candidate) => names.length === 0 || names.includes(candidate.name))
      .map((candidate) => ({ project: candidate, runs: runsOf({ ...req, query: allBranches }, candidate) }));
    const trendKeys = ['total_credits_used', 'total_duration_secs', 'total_runs', 'success_rate'];
    return {
      status: 200,
      body: {
        org_data: { metrics: totals(rows.flatMap((row) => row.runs)), trends: flatTrends([...trendKeys, 'throughput']) },
        org_project_data: rows.map((row) => {
          const { throughput: _omitted, ...metrics } = totals(row.runs);
          return { project_name: row.project.name, metrics, trends: flatTrends(trendKeys) };
        }),
        all_projects: projects.map((candidate) => candidate.name),
      },
    };
  });

  router.on(ops.getAllInsightsBranches, (req) => {
    const target = project(req);
    const name = req.query.get('workflow-name') ?? undefined;
    const org = store.orgs.find((candidate) => candidate.slug === target.orgSlug);
    const query = new URLSearchParams({ 'all-branches': 'true' });
    const branches = [...new Set(runsOf({ ...req, query }, target, name).map((run) => run.branch))].sort();
    return { status: 200, body: { org_id: org?.id ?? '', project_id: target.id, branches } };
  });

  router.on(ops.getFlakyTests, (req) => {
    const target = project(req);
    const query = new URLSearchParams({ 'all-branches': 'true' });
    const failed = runsOf({ ...req, query }, target).filter((run) => run.workflow.status === 'failed').slice(0, 3);
    const tests = failed.map((run, index) => {
      const job = store.jobs.find((candidate) => candidate.workflowId === run.workflow.id && candidate.jobNumber !== null);
      return {
        'time-wasted': 30 * (index + 1),
        'workflow-created-at': run.workflow.createdAt,
        'workflow-id': run.workflow.id,
        classname: `${target.name}.spec`,
        'pipeline-number': run.workflow.pipelineNumber,
        'workflow-name': run.workflow.name,
        'test-name': `retries checkout ${index + 1}`,
        'job-name': job?.name ?? 'test',
        'job-number': job?.jobNumber ?? 0,
        'times-flaked': index + 1,
        source: 'jest',
        file: `src/checkout${index + 1}.test.ts`,
      };
    });
    return { status: 200, body: { 'flaky-tests': tests, 'total-flaky-tests': tests.length } };
  });

  router.on(ops.getProjectWorkflowMetrics, (req) => {
    const runs = runsOf(req, project(req));
    const names = [...new Set(runs.map((run) => run.workflow.name))].sort();
    const target = project(req);
    return itemsPage(req, names, (name) => {
      const named = runs.filter((run) => run.workflow.name === name);
      return { name, metrics: workflowMetrics(named), ...windowOf(named), project_id: target.id };
    });
  });

  router.on(ops.getProjectWorkflowRuns, (req) => {
    const [from, to] = dateRange(req);
    const runs = runsOf(req, project(req), req.params['workflow-name'], { windowed: false }).filter((run) => {
      const at = Date.parse(run.workflow.createdAt);
      return at >= from && at <= to;
    });
    return itemsPage(req, runs, (run) => ({
      id: run.workflow.id,
      branch: run.branch,
      duration: run.durationSecs,
      created_at: run.workflow.createdAt,
      stopped_at: run.workflow.stoppedAt,
      credits_used: run.credits,
      status: run.workflow.status,
      is_approval: run.workflow.name === 'deploy',
    }));
  });

  router.on(ops.getProjectWorkflowJobMetrics, (req) => {
    const runs = runsOf(req, project(req), req.params['workflow-name']);
    const jobs = jobsOf(runs);
    const names = [...new Set(jobs.map((job) => job.name))].sort();
    return itemsPage(req, names, (name) => ({ name, metrics: jobMetrics(jobs.filter((job) => job.name === name)), ...windowOf(runs) }));
  });

  router.on(ops.getWorkflowSummary, (req) => {
    const target = project(req);
    const runs = runsOf(req, target, req.params['workflow-name']);
    const metrics = workflowMetrics(runs);
    return {
      status: 200,
      body: {
        metrics: { ...metrics, completed_runs: runs.length, ...windowOf(runs) },
        trends: flatTrends(['total_runs', 'failed_runs', 'success_rate', 'p95_duration_secs', 'median_duration_secs', 'total_credits_used', 'mttr', 'throughput']),
        workflow_names: [...new Set(store.workflows.filter((workflow) => workflow.projectSlug === target.slug).map((workflow) => workflow.name))].sort(),
      },
    };
  });

  router.on(ops.getProjectWorkflowTestMetrics, (req) => {
    const runs = runsOf(req, project(req), req.params['workflow-name']).slice(0, 10);
    const failedRuns = runs.filter((run) => run.workflow.status === 'failed').length;
    const test = (name: string, failures: number, p95: number, flaky: boolean) => ({
      p95_duration: p95,
      total_runs: runs.length,
      classname: 'spec',
      failed_runs: failures,
      flaky,
      source: 'jest',
      file: `test/${name}.test.ts`,
      job_name: 'test',
      test_name: name,
    });
    const testRuns = runs.map((run) => {
      const failed = run.workflow.status === 'failed' ? 2 : 0;
      return {
        pipeline_number: run.workflow.pipelineNumber,
        workflow_id: run.workflow.id,
        success_rate: Math.round(((40 - failed) / 40) * 1000) / 1000,
        test_counts: { error: 0, failure: failed, skipped: 1, success: 39 - failed, total: 40 },
      };
    });
    return {
      status: 200,
      body: {
        average_test_count: 40,
        most_failed_tests: [test('checkout', failedRuns, 1.5, true), test('login', Math.floor(failedRuns / 2), 0.8, false)],
        most_failed_tests_extra: 0,
        slowest_tests: [test('report export', 0, 12.25, false)],
        slowest_tests_extra: 0,
        total_test_runs: runs.length * 40,
        test_runs: testRuns,
      },
    };
  });
}
