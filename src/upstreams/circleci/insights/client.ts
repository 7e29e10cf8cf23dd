import type { UpstreamSession } from '../../http/UpstreamSession.js';
import { slugPath } from '../client.js';
import type { WireInsightsObject, WireInsightsPage } from './wire.js';

const seg = encodeURIComponent;

/** `last-7-days`, `last-90-days`, … */
export type ReportingWindow = 'last-24-hours' | 'last-7-days' | 'last-30-days' | 'last-60-days' | 'last-90-days';

/** Which branches a metric covers: one, all, or (neither given) the default branch. */
export interface BranchFilter {
  readonly branch?: string | null | undefined;
  readonly allBranches?: boolean | null | undefined;
}

/** A range of run start dates (RFC 3339). */
export interface DateRange {
  readonly startDate?: string | null | undefined;
  readonly endDate?: string | null | undefined;
}

const branchQuery = (filter: BranchFilter) => ({ branch: filter.branch, 'all-branches': filter.allBranches });

/** CircleCI Insights: workflow, job and test metrics of projects and organizations. */
export class InsightsClient {
  constructor(private readonly session: UpstreamSession) {}

  private async read<T>(path: string, query: Record<string, string | boolean | readonly string[] | null | undefined>, route: string): Promise<T> {
    return (await this.session.get<T>(path, query, route)).body;
  }

  getProjectWorkflowsPageData(slug: string, options: { reportingWindow?: ReportingWindow | undefined; branches?: readonly string[] | undefined; workflowNames?: readonly string[] | undefined }): Promise<WireInsightsObject> {
    return this.read(
      `/insights/pages/${slugPath(slug)}/summary`,
      { 'reporting-window': options.reportingWindow, branches: options.branches, 'workflow-names': options.workflowNames },
      '/insights/pages/{project-slug}/summary',
    );
  }

  /** Time series come in one answer: the endpoint sends a page token but takes none. */
  getJobTimeseries(slug: string, workflowName: string, options: DateRange & { branch?: string | null | undefined; granularity?: 'daily' | 'hourly' | undefined }): Promise<WireInsightsPage> {
    return this.read(
      `/insights/time-series/${slugPath(slug)}/workflows/${seg(workflowName)}/jobs`,
      { branch: options.branch, granularity: options.granularity, 'start-date': options.startDate, 'end-date': options.endDate },
      '/insights/time-series/{project-slug}/workflows/{workflow-name}/jobs',
    );
  }

  getOrgSummaryData(orgSlug: string, options: { reportingWindow?: ReportingWindow | undefined; projectNames?: readonly string[] | undefined }): Promise<WireInsightsObject> {
    return this.read(
      `/insights/${slugPath(orgSlug)}/summary`,
      { 'reporting-window': options.reportingWindow, 'project-names': options.projectNames },
      '/insights/{org-slug}/summary',
    );
  }

  getAllInsightsBranches(slug: string, workflowName?: string | null): Promise<WireInsightsObject> {
    return this.read(`/insights/${slugPath(slug)}/branches`, { 'workflow-name': workflowName }, '/insights/{project-slug}/branches');
  }

  getFlakyTests(slug: string): Promise<WireInsightsObject> {
    return this.read(`/insights/${slugPath(slug)}/flaky-tests`, {}, '/insights/{project-slug}/flaky-tests');
  }

  getProjectWorkflowMetrics(slug: string, options: BranchFilter & { reportingWindow?: ReportingWindow | undefined }, pageToken: string | null): Promise<WireInsightsPage> {
    return this.read(
      `/insights/${slugPath(slug)}/workflows`,
      { ...branchQuery(options), 'reporting-window': options.reportingWindow, 'page-token': pageToken },
      '/insights/{project-slug}/workflows',
    );
  }

  getProjectWorkflowRuns(slug: string, workflowName: string, options: BranchFilter & DateRange, pageToken: string | null): Promise<WireInsightsPage> {
    return this.read(
      `/insights/${slugPath(slug)}/workflows/${seg(workflowName)}`,
      { ...branchQuery(options), 'start-date': options.startDate, 'end-date': options.endDate, 'page-token': pageToken },
      '/insights/{project-slug}/workflows/{workflow-name}',
    );
  }

  getProjectWorkflowJobMetrics(slug: string, workflowName: string, options: BranchFilter & { reportingWindow?: ReportingWindow | undefined }, pageToken: string | null): Promise<WireInsightsPage> {
    return this.read(
      `/insights/${slugPath(slug)}/workflows/${seg(workflowName)}/jobs`,
      { ...branchQuery(options), 'reporting-window': options.reportingWindow, 'page-token': pageToken },
      '/insights/{project-slug}/workflows/{workflow-name}/jobs',
    );
  }

  getWorkflowSummary(slug: string, workflowName: string, options: BranchFilter): Promise<WireInsightsObject> {
    return this.read(`/insights/${slugPath(slug)}/workflows/${seg(workflowName)}/summary`, branchQuery(options), '/insights/{project-slug}/workflows/{workflow-name}/summary');
  }

  getProjectWorkflowTestMetrics(slug: string, workflowName: string, options: BranchFilter): Promise<WireInsightsObject> {
    return this.read(
      `/insights/${slugPath(slug)}/workflows/${seg(workflowName)}/test-metrics`,
      branchQuery(options),
      '/insights/{project-slug}/workflows/{workflow-name}/test-metrics',
    );
  }
}
