import { connectionFromList, connectionFromPages, type Connection, type ConnectionArgs } from '../../../relay/connection.js';
import type { CircleCiApi } from '../api.js';
import { pageOf } from '../paging.js';
import {
  toFlakyTests,
  toInsightsBranches,
  toJobMetrics,
  toJobTimeseries,
  toOrgSummary,
  toProjectSummary,
  toTestMetrics,
  toWorkflowMetrics,
  toWorkflowRun,
  toWorkflowSummary,
} from './mappers.js';
import type {
  CircleCiFlakyTestsModel,
  CircleCiInsightsBranchesModel,
  CircleCiJobMetricsModel,
  CircleCiJobTimeseriesModel,
  CircleCiOrgSummaryModel,
  CircleCiProjectSummaryModel,
  CircleCiTestMetricsModel,
  CircleCiWorkflowMetricsModel,
  CircleCiWorkflowRunModel,
  CircleCiWorkflowSummaryModel,
} from './models.js';

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

/** What a project summary is filtered by. */
export interface ProjectSummaryOptions {
  readonly reportingWindow?: ReportingWindow | undefined;
  readonly branches?: readonly string[] | undefined;
  readonly workflowNames?: readonly string[] | undefined;
}

/** What an organization summary is filtered by. */
export interface OrgSummaryOptions {
  readonly reportingWindow?: ReportingWindow | undefined;
  readonly projectNames?: readonly string[] | undefined;
}

/** What a job time series is filtered by. */
export type TimeseriesOptions = DateRange & { readonly branch?: string | null | undefined; readonly granularity?: 'daily' | 'hourly' | undefined };

const branchQuery = (filter: BranchFilter) => ({ branch: filter.branch, 'all-branches': filter.allBranches });

/**
 * One request's CircleCI Insights: workflow, job and test metrics of projects
 * and organizations. The single-object reads need no DataLoader: the session
 * sends identical GETs once per operation.
 */
export class InsightsLoaders {
  constructor(private readonly api: CircleCiApi) {}

  async projectSummary(slug: string, options: ProjectSummaryOptions): Promise<CircleCiProjectSummaryModel> {
    const query = { 'reporting-window': options.reportingWindow, branches: options.branches, 'workflow-names': options.workflowNames };
    return toProjectSummary((await this.api.getProjectWorkflowsPageData({ path: { 'project-slug': slug }, query })).body);
  }

  async orgSummary(orgSlug: string, options: OrgSummaryOptions): Promise<CircleCiOrgSummaryModel> {
    const query = { 'reporting-window': options.reportingWindow, 'project-names': options.projectNames };
    return toOrgSummary((await this.api.getOrgSummaryData({ path: { 'org-slug': orgSlug }, query })).body);
  }

  async branches(slug: string, workflowName?: string | null): Promise<CircleCiInsightsBranchesModel> {
    return toInsightsBranches((await this.api.getAllInsightsBranches({ path: { 'project-slug': slug }, query: { 'workflow-name': workflowName } })).body);
  }

  async flakyTests(slug: string): Promise<CircleCiFlakyTestsModel> {
    return toFlakyTests((await this.api.getFlakyTests({ path: { 'project-slug': slug } })).body);
  }

  async workflowSummary(slug: string, workflowName: string, filter: BranchFilter): Promise<CircleCiWorkflowSummaryModel> {
    const path = { 'project-slug': slug, 'workflow-name': workflowName };
    return toWorkflowSummary((await this.api.getWorkflowSummary({ path, query: branchQuery(filter) })).body);
  }

  async testMetrics(slug: string, workflowName: string, filter: BranchFilter): Promise<CircleCiTestMetricsModel> {
    const path = { 'project-slug': slug, 'workflow-name': workflowName };
    return toTestMetrics((await this.api.getProjectWorkflowTestMetrics({ path, query: branchQuery(filter) })).body);
  }

  workflowMetrics(slug: string, options: BranchFilter & { reportingWindow?: ReportingWindow | undefined }, args: ConnectionArgs): Promise<Connection<CircleCiWorkflowMetricsModel>> {
    return connectionFromPages(args, async (token) => {
      const query = { ...branchQuery(options), 'reporting-window': options.reportingWindow, 'page-token': token };
      return pageOf((await this.api.getProjectWorkflowMetrics({ path: { 'project-slug': slug }, query })).body, toWorkflowMetrics);
    });
  }

  workflowRuns(slug: string, workflowName: string, options: BranchFilter & DateRange, args: ConnectionArgs): Promise<Connection<CircleCiWorkflowRunModel>> {
    return connectionFromPages(args, async (token) => {
      const query = { ...branchQuery(options), 'start-date': options.startDate, 'end-date': options.endDate, 'page-token': token };
      return pageOf((await this.api.getProjectWorkflowRuns({ path: { 'project-slug': slug, 'workflow-name': workflowName }, query })).body, toWorkflowRun);
    });
  }

  jobMetrics(
    slug: string,
    workflowName: string,
    options: BranchFilter & { reportingWindow?: ReportingWindow | undefined },
    args: ConnectionArgs,
  ): Promise<Connection<CircleCiJobMetricsModel>> {
    return connectionFromPages(args, async (token) => {
      const query = { ...branchQuery(options), 'reporting-window': options.reportingWindow, 'page-token': token };
      return pageOf((await this.api.getProjectWorkflowJobMetrics({ path: { 'project-slug': slug, 'workflow-name': workflowName }, query })).body, toJobMetrics);
    });
  }

  /** Time series come in one answer: the endpoint sends a page token but takes none. */
  async jobTimeseries(slug: string, workflowName: string, options: TimeseriesOptions, args: ConnectionArgs): Promise<Connection<CircleCiJobTimeseriesModel>> {
    const query = { branch: options.branch, granularity: options.granularity, 'start-date': options.startDate, 'end-date': options.endDate };
    const body = (await this.api.getJobTimeseries({ path: { 'project-slug': slug, 'workflow-name': workflowName }, query })).body;
    return connectionFromList(args, (body.items ?? []).map(toJobTimeseries));
  }
}
