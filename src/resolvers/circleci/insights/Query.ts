import type { QueryResolvers } from '../../../generated/graphql.js';
import { requireOrderedDates, requireOrgSlug, requireProjectSlug, requireText } from '../shared/validate.js';
import { branchFilter, granularity, nameList, reportingWindow } from './args.js';

const workflowOf = (name: string): string => requireText(name, 'workflowName', 255);

/** The CircleCI `Query` fields. */
export const Query: QueryResolvers = {
  circleciOrgInsightsSummary: (_root, args, { loaders }) =>
    loaders.circleci.insights.orgSummary(requireOrgSlug(args.orgSlug), {
      reportingWindow: reportingWindow(args.reportingWindow),
      projectNames: nameList(args.projectNames, 'projectNames'),
    }),
  circleciProjectInsightsSummary: (_root, args, { loaders }) =>
    loaders.circleci.insights.projectSummary(requireProjectSlug(args.projectSlug), {
      reportingWindow: reportingWindow(args.reportingWindow),
      branches: nameList(args.branches, 'branches'),
      workflowNames: nameList(args.workflowNames, 'workflowNames'),
    }),
  circleciInsightsBranches: (_root, args, { loaders }) =>
    loaders.circleci.insights.branches(requireProjectSlug(args.projectSlug), args.workflowName == null ? null : workflowOf(args.workflowName)),
  circleciFlakyTests: (_root, args, { loaders }) => loaders.circleci.insights.flakyTests(requireProjectSlug(args.projectSlug)),
  circleciWorkflowMetrics: (_root, args, { loaders }) =>
    loaders.circleci.insights.workflowMetrics(requireProjectSlug(args.projectSlug), { ...branchFilter(args), reportingWindow: reportingWindow(args.reportingWindow) }, args),
  circleciWorkflowRuns: (_root, args, { loaders }) => {
    requireOrderedDates(args.startDate, args.endDate, ['startDate', 'endDate']);
    return loaders.circleci.insights.workflowRuns(
      requireProjectSlug(args.projectSlug),
      workflowOf(args.workflowName),
      { ...branchFilter(args), startDate: args.startDate, endDate: args.endDate },
      args,
    );
  },
  circleciWorkflowJobMetrics: (_root, args, { loaders }) =>
    loaders.circleci.insights.jobMetrics(
      requireProjectSlug(args.projectSlug),
      workflowOf(args.workflowName),
      { ...branchFilter(args), reportingWindow: reportingWindow(args.reportingWindow) },
      args,
    ),
  circleciWorkflowSummary: (_root, args, { loaders }) =>
    loaders.circleci.insights.workflowSummary(requireProjectSlug(args.projectSlug), workflowOf(args.workflowName), branchFilter(args)),
  circleciWorkflowTestMetrics: (_root, args, { loaders }) =>
    loaders.circleci.insights.testMetrics(requireProjectSlug(args.projectSlug), workflowOf(args.workflowName), branchFilter(args)),
  circleciJobTimeseries: (_root, args, { loaders }) => {
    requireOrderedDates(args.startDate, args.endDate, ['startDate', 'endDate']);
    return loaders.circleci.insights.jobTimeseries(
      requireProjectSlug(args.projectSlug),
      workflowOf(args.workflowName),
      { branch: args.branch == null ? undefined : requireText(args.branch, 'branch', 255), granularity: granularity(args.granularity), startDate: args.startDate, endDate: args.endDate },
      args,
    );
  },
};
