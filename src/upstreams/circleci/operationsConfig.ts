/**
 * What CircleCI's OpenAPI description cannot say, for the generator of the
 * operation table (generate.ts): the real shape of each path parameter, the
 * wire type each answer is read as, and where the real service is looser
 * than its description. Read by the generator only; the gateway uses the
 * table it writes.
 */

/** Where the generator reads the description, and where it writes the table and the schema's descriptions (from the repository root). */
export const generatorFiles = {
  spec: 'test/contracts/circleci-v2.openapi.json',
  out: 'src/upstreams/circleci/operations.ts',
  descriptions: 'src/upstreams/circleci/descriptions.ts',
} as const;

/** Each path parameter of the description (by name) → the `PathParam` of ./pathParams.ts stating its shape. */
export const pathParamShapes: Readonly<Record<string, string>> = {
  'project-slug': 'projectSlugParam',
  'org-slug': 'orgSlugParam',
  provider: 'providerParam',
  organization: 'slugPartParam',
  project: 'slugPartParam',
  'pipeline-id': 'uuidParam',
  'pipeline-number': 'numberParam',
  'job-number': 'numberParam',
  // A workflow's id (`/workflow/{id}`) and a user's (`/user/{id}`) are both UUIDs.
  id: 'uuidParam',
  approval_request_id: 'uuidParam',
  'schedule-id': 'uuidParam',
  'webhook-id': 'uuidParam',
  'context-id': 'uuidParam',
  // The description calls these opaque strings; CircleCI gives UUIDs, and answers 400 to anything else.
  context_id: 'uuidParam',
  restriction_id: 'uuidParam',
  org_id: 'uuidParam',
  usage_export_job_id: 'uuidParam',
  orgID: 'uuidParam',
  projectID: 'uuidParam',
  // A policy owner is an organization, named by its id.
  ownerID: 'uuidParam',
  context: 'policyContextParam',
  decisionID: 'decisionIdParam',
  policyName: 'policyNameParam',
  name: 'envVarNameParam',
  'env-var-name': 'envVarNameParam',
  fingerprint: 'fingerprintParam',
  'workflow-name': 'workflowNameParam',
};

/** The modules the wire types below come from (relative to the generated file). */
export const wireModules: Readonly<Record<string, readonly string[]>> = {
  './wire.js': [
    'WireArtifact',
    'WireCheckoutKey',
    'WireCollaboration',
    'WireEnvVar',
    'WireJobDetails',
    'WireMessage',
    'WirePage',
    'WirePipeline',
    'WirePipelineConfig',
    'WireProject',
    'WireProjectSettings',
    'WireRerun',
    'WireSchedule',
    'WireTestResult',
    'WireTriggeredPipeline',
    'WireUser',
    'WireWorkflow',
    'WireWorkflowJob',
  ],
  './contexts/wire.js': ['WireContext', 'WireContextEnvVar', 'WireContextRestriction'],
  './insights/wire.js': ['WireInsightsObject', 'WireInsightsPage'],
  './oidc/wire.js': ['WireClaims'],
  './policy/wire.js': ['WireBundleDiff', 'WireDecision', 'WireDecisionLog', 'WireDecisionSettings', 'WirePolicyBundle', 'WirePolicyDocument'],
  './usage/wire.js': ['WireUsageExport'],
  './webhooks/wire.js': ['WireWebhook'],
};

/** The wire type each operation's 2xx body is read as (for a bare list, the type of its items). */
export const wireTypes: Readonly<Record<string, string>> = {
  listContexts: 'WirePage<WireContext>',
  createContext: 'WireContext',
  deleteContext: 'WireMessage',
  getContext: 'WireContext',
  listEnvironmentVariablesFromContext: 'WirePage<WireContextEnvVar>',
  addEnvironmentVariableToContext: 'WireContextEnvVar & WireMessage',
  deleteEnvironmentVariableFromContext: 'WireMessage',
  getProjectWorkflowsPageData: 'WireInsightsObject',
  getJobTimeseries: 'WireInsightsPage',
  getOrgSummaryData: 'WireInsightsObject',
  getAllInsightsBranches: 'WireInsightsObject',
  getFlakyTests: 'WireInsightsObject',
  getProjectWorkflowMetrics: 'WireInsightsPage',
  getProjectWorkflowRuns: 'WireInsightsPage',
  getProjectWorkflowJobMetrics: 'WireInsightsPage',
  getWorkflowSummary: 'WireInsightsObject',
  getProjectWorkflowTestMetrics: 'WireInsightsObject',
  getCurrentUser: 'WireUser',
  getCollaborations: 'WireCollaboration',
  listPipelines: 'WirePage<WirePipeline>',
  continuePipeline: 'WireMessage',
  getPipelineById: 'WirePipeline',
  getPipelineConfigById: 'WirePipelineConfig',
  listWorkflowsByPipelineId: 'WirePage<WireWorkflow>',
  getProjectBySlug: 'WireProject',
  createCheckoutKey: 'WireCheckoutKey',
  listCheckoutKeys: 'WirePage<WireCheckoutKey>',
  deleteCheckoutKey: 'WireMessage',
  getCheckoutKey: 'WireCheckoutKey',
  createEnvVar: 'WireEnvVar',
  listEnvVars: 'WirePage<WireEnvVar>',
  deleteEnvVar: 'WireMessage',
  getEnvVar: 'WireEnvVar',
  getJobDetails: 'WireJobDetails',
  cancelJob: 'WireMessage',
  listPipelinesForProject: 'WirePage<WirePipeline>',
  triggerPipeline: 'WireTriggeredPipeline',
  listMyPipelines: 'WirePage<WirePipeline>',
  getPipelineByNumber: 'WirePipeline',
  listSchedulesForProject: 'WirePage<WireSchedule>',
  createSchedule: 'WireSchedule',
  getJobArtifacts: 'WirePage<WireArtifact>',
  getTests: 'WirePage<WireTestResult>',
  updateSchedule: 'WireSchedule',
  deleteScheduleById: 'WireMessage',
  getScheduleById: 'WireSchedule',
  getUser: 'WireUser',
  createWebhook: 'WireWebhook',
  getWebhooks: 'WirePage<WireWebhook>',
  getWebhookById: 'WireWebhook',
  updateWebhook: 'WireWebhook',
  deleteWebhook: 'WireMessage',
  getWorkflowById: 'WireWorkflow',
  approvePendingApprovalJobById: 'WireMessage',
  cancelWorkflow: 'WireMessage',
  listWorkflowJobs: 'WirePage<WireWorkflowJob>',
  rerunWorkflow: 'WireRerun',
  DeleteOrgClaims: 'WireClaims',
  GetOrgClaims: 'WireClaims',
  PatchOrgClaims: 'WireClaims',
  DeleteProjectClaims: 'WireClaims',
  GetProjectClaims: 'WireClaims',
  PatchProjectClaims: 'WireClaims',
  GetDecisionLogs: 'WireDecisionLog',
  MakeDecision: 'WireDecision',
  GetDecisionSettings: 'WireDecisionSettings',
  SetDecisionSettings: 'WireDecisionSettings',
  GetDecisionLog: 'WireDecisionLog',
  GetDecisionLogPolicyBundle: 'WirePolicyBundle',
  GetPolicyBundle: 'WirePolicyBundle',
  CreatePolicyBundle: 'WireBundleDiff',
  GetPolicyDocument: 'WirePolicyDocument',
  getContextRestrictions: 'WirePage<WireContextRestriction>',
  createContextRestriction: 'WireContextRestriction',
  deleteContextRestriction: 'WireMessage',
  createProject: 'WireProjectSettings',
  getProjectSettings: 'WireProjectSettings',
  patchProjectSettings: 'WireProjectSettings',
  createUsageExport: 'WireUsageExport',
  getUsageExport: 'WireUsageExport',
};

/**
 * Query parameters the real service takes that the description leaves out,
 * by operation: these lists answer with a `next_page_token` and are paged
 * with `page-token` like CircleCI's other lists, though their descriptions
 * name no query parameter for it.
 */
export const extraQuery: Readonly<Record<string, readonly string[]>> = {
  listEnvVars: ['page-token'],
  listCheckoutKeys: ['page-token'],
  getJobArtifacts: ['page-token'],
  getTests: ['page-token'],
};

/**
 * Fields the description marks required that the real service may leave
 * out, by operation (`items.` for the objects of a page or list); they are
 * not checked.
 */
export const looserThanSpec: Readonly<Record<string, readonly string[]>> = {
  // A workflow's job list may leave out a job's project slug (the pollers take the workflow's).
  listWorkflowJobs: ['items.project_slug'],
};
