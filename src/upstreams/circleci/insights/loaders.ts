import type { UpstreamSession } from '../../http/UpstreamSession.js';
import { connectionFromList, connectionFromPages, type Connection, type ConnectionArgs } from '../../../relay/connection.js';
import { pageOf } from '../client.js';
import { InsightsClient, type BranchFilter, type DateRange, type ReportingWindow } from './client.js';
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

/**
 * One request's CircleCI Insights. The single-object reads need no
 * DataLoader: the session sends identical GETs once per operation.
 */
export class InsightsLoaders {
  readonly client: InsightsClient;

  constructor(session: UpstreamSession) {
    this.client = new InsightsClient(session);
  }

  async projectSummary(slug: string, options: Parameters<InsightsClient['getProjectWorkflowsPageData']>[1]): Promise<CircleCiProjectSummaryModel> {
    return toProjectSummary(await this.client.getProjectWorkflowsPageData(slug, options));
  }

  async orgSummary(orgSlug: string, options: Parameters<InsightsClient['getOrgSummaryData']>[1]): Promise<CircleCiOrgSummaryModel> {
    return toOrgSummary(await this.client.getOrgSummaryData(orgSlug, options));
  }

  async branches(slug: string, workflowName?: string | null): Promise<CircleCiInsightsBranchesModel> {
    return toInsightsBranches(await this.client.getAllInsightsBranches(slug, workflowName));
  }

  async flakyTests(slug: string): Promise<CircleCiFlakyTestsModel> {
    return toFlakyTests(await this.client.getFlakyTests(slug));
  }

  async workflowSummary(slug: string, workflowName: string, filter: BranchFilter): Promise<CircleCiWorkflowSummaryModel> {
    return toWorkflowSummary(await this.client.getWorkflowSummary(slug, workflowName, filter));
  }

  async testMetrics(slug: string, workflowName: string, filter: BranchFilter): Promise<CircleCiTestMetricsModel> {
    return toTestMetrics(await this.client.getProjectWorkflowTestMetrics(slug, workflowName, filter));
  }

  workflowMetrics(slug: string, options: BranchFilter & { reportingWindow?: ReportingWindow | undefined }, args: ConnectionArgs): Promise<Connection<CircleCiWorkflowMetricsModel>> {
    return connectionFromPages(args, async (token) => pageOf(await this.client.getProjectWorkflowMetrics(slug, options, token), toWorkflowMetrics));
  }

  workflowRuns(slug: string, workflowName: string, options: BranchFilter & DateRange, args: ConnectionArgs): Promise<Connection<CircleCiWorkflowRunModel>> {
    return connectionFromPages(args, async (token) => pageOf(await this.client.getProjectWorkflowRuns(slug, workflowName, options, token), toWorkflowRun));
  }

  jobMetrics(
    slug: string,
    workflowName: string,
    options: BranchFilter & { reportingWindow?: ReportingWindow | undefined },
    args: ConnectionArgs,
  ): Promise<Connection<CircleCiJobMetricsModel>> {
    return connectionFromPages(args, async (token) => pageOf(await this.client.getProjectWorkflowJobMetrics(slug, workflowName, options, token), toJobMetrics));
  }

  async jobTimeseries(
    slug: string,
    workflowName: string,
    options: Parameters<InsightsClient['getJobTimeseries']>[2],
    args: ConnectionArgs,
  ): Promise<Connection<CircleCiJobTimeseriesModel>> {
    const body = await this.client.getJobTimeseries(slug, workflowName, options);
    return connectionFromList(args, (body.items ?? []).map(toJobTimeseries));
  }
}
