import type { ContractCase } from './ContractCase.js';

export const cases: ContractCase[] = [
  {
    operationId: 'getProjectWorkflowsPageData',
    request: () => ({ method: 'GET', path: '/insights/pages/gh/acme/api/summary', query: { 'reporting-window': 'last-30-days' } }),
  },
  {
    operationId: 'getJobTimeseries',
    request: () => ({ method: 'GET', path: '/insights/time-series/gh/acme/api/workflows/build-and-test/jobs', query: { granularity: 'hourly', branch: 'main' } }),
  },
  { operationId: 'getOrgSummaryData', request: () => ({ method: 'GET', path: '/insights/gh/acme/summary' }) },
  { operationId: 'getAllInsightsBranches', request: () => ({ method: 'GET', path: '/insights/gh/acme/api/branches' }) },
  { operationId: 'getFlakyTests', request: () => ({ method: 'GET', path: '/insights/gh/acme/api/flaky-tests' }) },
  { operationId: 'getProjectWorkflowMetrics', request: () => ({ method: 'GET', path: '/insights/gh/acme/api/workflows', query: { 'all-branches': 'true' } }) },
  { operationId: 'getProjectWorkflowRuns', request: () => ({ method: 'GET', path: '/insights/gh/acme/api/workflows/build-and-test', query: { 'all-branches': 'true' } }) },
  { operationId: 'getProjectWorkflowJobMetrics', request: () => ({ method: 'GET', path: '/insights/gh/acme/api/workflows/build-and-test/jobs' }) },
  { operationId: 'getWorkflowSummary', request: () => ({ method: 'GET', path: '/insights/gh/acme/api/workflows/build-and-test/summary' }) },
  { operationId: 'getProjectWorkflowTestMetrics', request: () => ({ method: 'GET', path: '/insights/gh/acme/api/workflows/build-and-test/test-metrics' }) },
];
