import { circleCiOperations as ops } from '../../../src/upstreams/circleci/operations.js';
import type { ContractCase } from './ContractCase.js';

const api = { 'project-slug': 'gh/acme/api' };
const build = { ...api, 'workflow-name': 'build-and-test' };

export const cases: ContractCase[] = [
  { operation: ops.getProjectWorkflowsPageData, request: () => ({ path: api, query: { 'reporting-window': 'last-30-days' } }) },
  { operation: ops.getJobTimeseries, request: () => ({ path: build, query: { granularity: 'hourly', branch: 'main' } }) },
  { operation: ops.getOrgSummaryData, request: () => ({ path: { 'org-slug': 'gh/acme' } }) },
  { operation: ops.getAllInsightsBranches, request: () => ({ path: api }) },
  { operation: ops.getFlakyTests, request: () => ({ path: api }) },
  { operation: ops.getProjectWorkflowMetrics, request: () => ({ path: api, query: { 'all-branches': 'true' } }) },
  { operation: ops.getProjectWorkflowRuns, request: () => ({ path: build, query: { 'all-branches': 'true' } }) },
  { operation: ops.getProjectWorkflowJobMetrics, request: () => ({ path: build }) },
  { operation: ops.getWorkflowSummary, request: () => ({ path: build }) },
  { operation: ops.getProjectWorkflowTestMetrics, request: () => ({ path: build }) },
];
