import type { QueryResolvers } from '../../../generated/graphql.js';
import { assertOrderedDates, assertOrgSlug, assertProjectSlug, assertText } from '../shared/validation.js';
import { assertBranchFilter, granularity, assertNameList, reportingWindow } from './args.js';

const workflowOf = (name: string): string => assertText(name, 'workflowName', 255);

/** The CircleCI `Query` fields. */
export const Query: QueryResolvers = {
  circleciOrgInsightsSummary: (_root, args, { loaders }) =>
    loaders.circleci.insights.orgSummary(assertOrgSlug(args.orgSlug), {
      reportingWindow: reportingWindow(args.reportingWindow),
      projectNames: assertNameList(args.projectNames, 'projectNames'),
    }),
  circleciProjectInsightsSummary: (_root, args, { loaders }) =>
    loaders.circleci.insights.projectSummary(assertProjectSlug(args.projectSlug), {
      reportingWindow: reportingWindow(args.reportingWindow),
      branches: assertNameList(args.branches, 'branches'),
      workflowNames: assertNameList(args.workflowNames, 'workflowNames'),
    }),
  circleciInsightsBranches: (_root, args, { loaders }) =>
    loaders.circleci.insights.branches(assertProjectSlug(args.projectSlug), args.workflowName == null ? null : workflowOf(args.workflowName)),
  circleciFlakyTests: (_root, args, { loaders }) => loaders.circleci.insights.flakyTests(assertProjectSlug(args.projectSlug)),
  circleciWorkflowMetrics: (_root, args, { loaders }) =>
    loaders.circleci.insights.workflowMetrics(assertProjectSlug(args.projectSlug), { ...assertBranchFilter(args), reportingWindow: reportingWindow(args.reportingWindow) }, args),
  circleciWorkflowRuns: (_root, args, { loaders }) => {
    assertOrderedDates(args.startDate, args.endDate, ['startDate', 'endDate']);
    return loaders.circleci.insights.workflowRuns(
      assertProjectSlug(args.projectSlug),
      workflowOf(args.workflowName),
      { ...assertBranchFilter(args), startDate: args.startDate, endDate: args.endDate },
      args,
    );
  },
  circleciWorkflowJobMetrics: (_root, args, { loaders }) =>
    loaders.circleci.insights.jobMetrics(
      assertProjectSlug(args.projectSlug),
      workflowOf(args.workflowName),
      { ...assertBranchFilter(args), reportingWindow: reportingWindow(args.reportingWindow) },
      args,
    ),
  circleciWorkflowSummary: (_root, args, { loaders }) =>
    loaders.circleci.insights.workflowSummary(assertProjectSlug(args.projectSlug), workflowOf(args.workflowName), assertBranchFilter(args)),
  circleciWorkflowTestMetrics: (_root, args, { loaders }) =>
    loaders.circleci.insights.testMetrics(assertProjectSlug(args.projectSlug), workflowOf(args.workflowName), assertBranchFilter(args)),
  circleciJobTimeseries: (_root, args, { loaders }) => {
    assertOrderedDates(args.startDate, args.endDate, ['startDate', 'endDate']);
    return loaders.circleci.insights.jobTimeseries(
      assertProjectSlug(args.projectSlug),
      workflowOf(args.workflowName),
      { branch: args.branch == null ? undefined : assertText(args.branch, 'branch', 255), granularity: granularity(args.granularity), startDate: args.startDate, endDate: args.endDate },
      args,
    );
  },
};
