import type { CacheRulesOf, OperationPurge } from '../../cache/rules.js';
import type { circleCiOperations } from './operations.js';

type Purges = readonly OperationPurge<keyof typeof circleCiOperations & string>[];

// Cancel, rerun and approve change the workflow, its jobs, every pipeline's workflow list and the jobs' details.
const workflowActions: Purges = [{ subtree: 'getWorkflowById' }, { route: 'listWorkflowsByPipelineId' }, { route: 'getJobDetails' }];

// Contexts are listed by owner (`/context?owner-id=`), not under their own path.
const contextList: Purges = [{ exact: 'listContexts' }];

/**
 * What each CircleCI read is (its TTL kind), and what each write makes stale
 * beyond what its own path says (the path itself, below it for PUT, PATCH and
 * DELETE, and its ancestors, which every write purges). Runs are final in the
 * states `cacheRules.circleci.finished` lists, unless a read says its own.
 */
export const circleCiCacheRules = {
  // Contexts, their variables and restrictions
  listContexts: { kind: 'settings' },
  getContext: { kind: 'settings' },
  listEnvironmentVariablesFromContext: { kind: 'settings' },
  getContextRestrictions: { kind: 'settings' },
  createContext: [],
  deleteContext: contextList,
  addEnvironmentVariableToContext: contextList,
  deleteEnvironmentVariableFromContext: contextList,
  createContextRestriction: contextList,
  deleteContextRestriction: contextList,

  // Insights
  getProjectWorkflowsPageData: { kind: 'list' },
  getJobTimeseries: { kind: 'list' },
  getOrgSummaryData: { kind: 'list' },
  getAllInsightsBranches: { kind: 'list' },
  getFlakyTests: { kind: 'list' },
  getProjectWorkflowMetrics: { kind: 'list' },
  getProjectWorkflowRuns: { kind: 'list' },
  getProjectWorkflowJobMetrics: { kind: 'list' },
  getWorkflowSummary: { kind: 'list' },
  getProjectWorkflowTestMetrics: { kind: 'list' },

  // Users
  getCurrentUser: { kind: 'settings' },
  getCollaborations: { kind: 'settings' },
  getUser: { kind: 'object' },

  // Projects and their pipelines
  getProjectBySlug: { kind: 'object' },
  listPipelines: { kind: 'runs' },
  listPipelinesForProject: { kind: 'runs' },
  listMyPipelines: { kind: 'runs' },
  getPipelineByNumber: { kind: 'run' },
  getPipelineById: { kind: 'run' },
  getPipelineConfigById: { kind: 'immutable' },
  listWorkflowsByPipelineId: { kind: 'runs' },
  // Triggering creates a pipeline, read in the project's lists and the organisation's.
  triggerPipeline: [{ subtree: 'listPipelinesForProject' }, { exact: 'listPipelines' }],
  // A continuation key names no pipeline: whichever pipeline it continues changes state, config and workflows.
  continuePipeline: [
    { route: 'getPipelineById' },
    { route: 'getPipelineConfigById' },
    { route: 'listWorkflowsByPipelineId' },
    { route: 'listPipelinesForProject' },
    { route: 'listMyPipelines' },
    { route: 'getPipelineByNumber' },
  ],

  // Workflows and jobs
  getWorkflowById: { kind: 'run' },
  listWorkflowJobs: { kind: 'runs' },
  getJobDetails: { kind: 'run' },
  getJobArtifacts: { kind: 'list' },
  getTests: { kind: 'list' },
  cancelWorkflow: workflowActions,
  rerunWorkflow: workflowActions,
  approvePendingApprovalJobById: workflowActions,
  // A job names no workflow in its path: every workflow, job list and pipeline workflow list may hold it.
  cancelJob: [{ route: 'listWorkflowJobs' }, { route: 'getWorkflowById' }, { route: 'listWorkflowsByPipelineId' }],

  // Schedules
  listSchedulesForProject: { kind: 'settings' },
  getScheduleById: { kind: 'settings' },
  createSchedule: [],
  // Schedules are listed per project, a path their own does not name.
  updateSchedule: [{ route: 'listSchedulesForProject' }],
  deleteScheduleById: [{ route: 'listSchedulesForProject' }],

  // Project environment variables, checkout keys and settings
  listEnvVars: { kind: 'settings' },
  getEnvVar: { kind: 'settings' },
  // Creating a variable that exists replaces its value, read at its own path too.
  createEnvVar: [{ subtree: 'listEnvVars' }],
  deleteEnvVar: [],
  listCheckoutKeys: { kind: 'settings' },
  getCheckoutKey: { kind: 'settings' },
  // A new checkout key may become the preferred one, which each key reports.
  createCheckoutKey: [{ subtree: 'listCheckoutKeys' }],
  deleteCheckoutKey: [],
  getProjectSettings: { kind: 'settings' },
  createProject: [],
  patchProjectSettings: [],

  // Webhooks
  getWebhooks: { kind: 'settings' },
  getWebhookById: { kind: 'settings' },
  createWebhook: [],
  updateWebhook: [],
  deleteWebhook: [],

  // OIDC claims
  GetOrgClaims: { kind: 'settings' },
  GetProjectClaims: { kind: 'settings' },
  PatchOrgClaims: [],
  DeleteOrgClaims: [],
  PatchProjectClaims: [],
  DeleteProjectClaims: [],

  // Config policies: a decision, and the bundle it was made with, never change; the log grows with each decision.
  GetDecisionLogs: { kind: 'list' },
  GetDecisionSettings: { kind: 'settings' },
  GetDecisionLog: { kind: 'immutable' },
  GetDecisionLogPolicyBundle: { kind: 'immutable' },
  GetPolicyBundle: { kind: 'settings' },
  GetPolicyDocument: { kind: 'settings' },
  MakeDecision: [],
  SetDecisionSettings: [],
  // A new bundle replaces the documents read one by one below it.
  CreatePolicyBundle: [{ subtree: 'GetPolicyBundle' }],

  // Usage exports: a job moves created → processing → completed or failed; `created` is final only for pipelines.
  getUsageExport: { kind: 'run', finished: { fields: ['state'], values: ['completed', 'failed'] } },
  createUsageExport: [],
} as const satisfies CacheRulesOf<typeof circleCiOperations>;
