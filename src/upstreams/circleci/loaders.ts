import type DataLoader from 'dataloader';
import type { UpstreamSession } from '../http/UpstreamSession.js';
import { connectionFromPages, type Connection, type ConnectionArgs, type UpstreamPage } from '../../relay/connection.js';
import { keyLoader } from '../loaderUtils.js';
import { circleCiApi, type CircleCiApi } from './api.js';
import { pageOf } from './paging.js';
import { toPipeline, toProject, toWorkflow } from './mappers.js';
import type { CircleCiPipelineModel, CircleCiProjectModel, CircleCiWorkflowModel } from './models.js';
import { ContextLoaders } from './contexts/loaders.js';
import { WebhookLoaders } from './webhooks/loaders.js';
import { InsightsLoaders } from './insights/loaders.js';
import { OidcLoaders } from './oidc/loaders.js';
import { PolicyLoaders } from './policy/loaders.js';
import { UsageLoaders } from './usage/loaders.js';
import { connectionFromList } from '../../relay/connection.js';
import { encodeParam } from '../buildPath.js';
import { str } from '../decode.js';
import { projectSlugParam } from './pathParams.js';
import {
  continueBody,
  rerunBody,
  scheduleBody,
  settingsBody,
  triggerBody,
  type ContinuePipelineInput,
  type ProjectSettingsInput,
  type RerunWorkflowInput,
  type ScheduleInput,
  type TriggerPipelineInput,
} from './bodies.js';
import { toArtifact, toJob, toJobDetails, toTestResult } from './mappersJobs.js';
import { toCheckoutKey, toCollaboration, toEnvVar, toPipelineConfig, toProjectSettings, toSchedule, toUser } from './mappersProject.js';
import type { CircleCiArtifactModel, CircleCiJobDetailsModel, CircleCiJobModel, CircleCiTestResultModel } from './modelsJobs.js';
import type {
  CircleCiCheckoutKeyModel,
  CircleCiCollaborationModel,
  CircleCiEnvVarModel,
  CircleCiPipelineConfigModel,
  CircleCiProjectSettingsModel,
  CircleCiScheduleModel,
  CircleCiUserModel,
} from './modelsProject.js';

/** A job of a project by number. */
export interface JobKey {
  readonly projectSlug: string;
  readonly number: number;
}

/** Something of a project by name (an env var) or fingerprint (a checkout key). */
export interface ProjectItemKey {
  readonly projectSlug: string;
  readonly name: string;
}

const itemKey = (key: ProjectItemKey): string => JSON.stringify([key.projectSlug, key.name]);
const jobKey = (key: JobKey): string => `${key.projectSlug}#${key.number}`;

/** What CircleCI said about a write, with the object the write touched when it can be read back. */
export interface MessageResult<T> {
  readonly message: string;
  readonly object: T | null;
}

/**
 * The three path parameters of the project endpoints that take the slug
 * apart (`/project/{provider}/{organization}/{project}`), after checking it is
 * a project slug as the other project paths do.
 */
function slugParts(projectSlug: string): { provider: string; organization: string; project: string } {
  encodeParam('projectSlug', projectSlug, projectSlugParam);
  const [provider = '', organization = '', project = ''] = projectSlug.split('/');
  return { provider, organization, project };
}

/**
 * One request's CircleCI data access: DataLoaders for objects by key (so 20
 * pipelines of one project fetch that project once, N jobs of one workflow
 * fetch it once), connections mapped from CircleCI's page tokens, and the
 * writes, which then clear or prime the loaders they affect. Lists prime the
 * by-key loaders. Every call goes through the operation table, which checks
 * each path parameter's shape before anything is sent.
 */
export class CircleCiLoaders {
  private readonly api: CircleCiApi;
  readonly user: DataLoader<string, CircleCiUserModel>;
  readonly pipelineByNumber: DataLoader<JobKey, CircleCiPipelineModel, string>;
  readonly pipelineConfig: DataLoader<string, CircleCiPipelineConfigModel>;
  /** A workflow's jobs, by workflow id: CircleCI returns them whole. */
  readonly workflowJobs: DataLoader<string, readonly CircleCiJobModel[]>;
  readonly jobDetails: DataLoader<JobKey, CircleCiJobDetailsModel, string>;
  readonly schedule: DataLoader<string, CircleCiScheduleModel>;
  readonly envVar: DataLoader<ProjectItemKey, CircleCiEnvVarModel, string>;
  /** By md5 or sha256 fingerprint (in `name`). */
  readonly checkoutKey: DataLoader<ProjectItemKey, CircleCiCheckoutKeyModel, string>;
  readonly settings: DataLoader<string, CircleCiProjectSettingsModel>;
  readonly project: DataLoader<string, CircleCiProjectModel>;
  readonly pipeline: DataLoader<string, CircleCiPipelineModel>;
  readonly workflow: DataLoader<string, CircleCiWorkflowModel>;
  readonly contexts: ContextLoaders;
  readonly webhooks: WebhookLoaders;
  readonly insights: InsightsLoaders;
  readonly oidc: OidcLoaders;
  readonly policy: PolicyLoaders;
  readonly usage: UsageLoaders;
  /** First pages of workflows handed over by {@link primeWorkflowsPage}. */
  private readonly firstWorkflowPages = new Map<string, UpstreamPage<CircleCiWorkflowModel>>();

  constructor(session: UpstreamSession) {
    const api = circleCiApi(session);
    this.api = api;
    const slugOf = (key: { readonly projectSlug: string }) => ({ 'project-slug': key.projectSlug });
    this.user = keyLoader('circleci.user', async (id) => toUser((await api.getUser({ path: { id } })).body));
    this.pipelineByNumber = keyLoader('circleci.pipelineByNumber', async (key) => {
      const pipeline = toPipeline((await api.getPipelineByNumber({ path: { ...slugOf(key), 'pipeline-number': key.number } })).body);
      this.pipeline.prime(pipeline.id, pipeline);
      return pipeline;
    }, jobKey);
    this.pipelineConfig = keyLoader('circleci.pipelineConfig', async (id) => toPipelineConfig((await api.getPipelineConfigById({ path: { 'pipeline-id': id } })).body));
    this.workflowJobs = keyLoader('circleci.workflowJobs', async (id) => pageOf((await api.listWorkflowJobs({ path: { id } })).body, (wire) => toJob(wire, id)).items);
    this.jobDetails = keyLoader('circleci.jobDetails', 
      async (key) => toJobDetails((await api.getJobDetails({ path: { ...slugOf(key), 'job-number': key.number } })).body, key.projectSlug),
      jobKey,
    );
    this.schedule = keyLoader('circleci.schedule', async (id) => toSchedule((await api.getScheduleById({ path: { 'schedule-id': id } })).body));
    this.envVar = keyLoader('circleci.envVar', async (key) => toEnvVar((await api.getEnvVar({ path: { ...slugOf(key), name: key.name } })).body, key.projectSlug), itemKey);
    this.checkoutKey = keyLoader('circleci.checkoutKey', 
      async (key) => toCheckoutKey((await api.getCheckoutKey({ path: { ...slugOf(key), fingerprint: key.name } })).body, key.projectSlug),
      itemKey,
    );
    this.settings = keyLoader('circleci.settings', async (slug) => toProjectSettings((await api.getProjectSettings({ path: slugParts(slug) })).body, slug));
    this.project = keyLoader('circleci.project', async (slug) => toProject((await api.getProjectBySlug({ path: { 'project-slug': slug } })).body));
    this.pipeline = keyLoader('circleci.pipeline', async (id) => toPipeline((await api.getPipelineById({ path: { 'pipeline-id': id } })).body));
    this.workflow = keyLoader('circleci.workflow', async (id) => toWorkflow((await api.getWorkflowById({ path: { id } })).body));
    this.contexts = new ContextLoaders(api);
    this.webhooks = new WebhookLoaders(api);
    this.insights = new InsightsLoaders(api);
    this.oidc = new OidcLoaders(api);
    this.policy = new PolicyLoaders(api);
    this.usage = new UsageLoaders(api);
  }

  /** The signed-in user. */
  async me(): Promise<CircleCiUserModel> {
    const user = toUser((await this.api.getCurrentUser({})).body);
    this.user.prime(user.id, user);
    return user;
  }

  /** Every organization the signed-in user belongs to: CircleCI sends them in one unpaged list. */
  async allCollaborations(): Promise<CircleCiCollaborationModel[]> {
    return (await this.api.getCollaborations({})).body.map(toCollaboration);
  }

  /** The organizations the signed-in user belongs to, as a connection. */
  async collaborations(args: ConnectionArgs): Promise<Connection<CircleCiCollaborationModel>> {
    return connectionFromList(args, await this.allCollaborations());
  }

  private primePipelines(page: { readonly items: readonly CircleCiPipelineModel[] }): void {
    for (const pipeline of page.items) this.pipeline.prime(pipeline.id, pipeline);
  }

  /** The pipelines of a project the signed-in user triggered. */
  myPipelinesOfProject(slug: string, args: ConnectionArgs): Promise<Connection<CircleCiPipelineModel>> {
    return connectionFromPages(args, async (token) => {
      const page = pageOf((await this.api.listMyPipelines({ path: { 'project-slug': slug }, query: { 'page-token': token } })).body, toPipeline);
      this.primePipelines(page);
      return page;
    });
  }

  /** The pipelines of an organization (or of every one the user is in), optionally only the user's own. */
  pipelines(args: ConnectionArgs & { orgSlug?: string | null | undefined; mine?: boolean | null | undefined }): Promise<Connection<CircleCiPipelineModel>> {
    return connectionFromPages(args, async (token) => {
      const page = pageOf((await this.api.listPipelines({ query: { 'org-slug': args.orgSlug, mine: args.mine, 'page-token': token } })).body, toPipeline);
      this.primePipelines(page);
      return page;
    });
  }

  /** A workflow's jobs: the endpoint takes no page token, so its one answer is paged here. */
  async jobsOfWorkflow(workflowId: string, args: ConnectionArgs): Promise<Connection<CircleCiJobModel>> {
    return connectionFromList(args, await this.workflowJobs.load(workflowId));
  }

  artifactsOfJob(key: JobKey, args: ConnectionArgs): Promise<Connection<CircleCiArtifactModel>> {
    return connectionFromPages(args, async (token) =>
      pageOf((await this.api.getJobArtifacts({ path: { 'project-slug': key.projectSlug, 'job-number': key.number }, query: { 'page-token': token } })).body, toArtifact),
    );
  }

  testsOfJob(key: JobKey, args: ConnectionArgs): Promise<Connection<CircleCiTestResultModel>> {
    return connectionFromPages(args, async (token) =>
      pageOf((await this.api.getTests({ path: { 'project-slug': key.projectSlug, 'job-number': key.number }, query: { 'page-token': token } })).body, toTestResult),
    );
  }

  schedulesOfProject(slug: string, args: ConnectionArgs): Promise<Connection<CircleCiScheduleModel>> {
    return connectionFromPages(args, async (token) => {
      const page = pageOf((await this.api.listSchedulesForProject({ path: { 'project-slug': slug }, query: { 'page-token': token } })).body, toSchedule);
      for (const schedule of page.items) this.schedule.prime(schedule.id, schedule);
      return page;
    });
  }

  envVarsOfProject(slug: string, args: ConnectionArgs): Promise<Connection<CircleCiEnvVarModel>> {
    return connectionFromPages(args, async (token) => {
      const page = pageOf((await this.api.listEnvVars({ path: { 'project-slug': slug }, query: { 'page-token': token } })).body, (wire) => toEnvVar(wire, slug));
      for (const envVar of page.items) this.envVar.prime({ projectSlug: slug, name: envVar.name }, envVar);
      return page;
    });
  }

  checkoutKeysOfProject(slug: string, args: ConnectionArgs & { digest?: 'md5' | 'sha256' | null | undefined }): Promise<Connection<CircleCiCheckoutKeyModel>> {
    return connectionFromPages(args, async (token) => {
      const page = pageOf((await this.api.listCheckoutKeys({ path: { 'project-slug': slug }, query: { digest: args.digest, 'page-token': token } })).body, (wire) => toCheckoutKey(wire, slug));
      for (const key of page.items) this.checkoutKey.prime({ projectSlug: slug, name: key.fingerprint }, key);
      return page;
    });
  }

  // Writes

  /** Triggers a pipeline and reads it back whole (the trigger answers with a summary). */
  async triggerPipeline(input: TriggerPipelineInput): Promise<CircleCiPipelineModel> {
    const body = triggerBody(input);
    const created = (await this.api.triggerPipeline({ path: { 'project-slug': input.projectSlug }, body })).body;
    const id = str(created.id) ?? '';
    this.pipeline.clear(id);
    return this.pipeline.load(id);
  }

  async continuePipeline(input: ContinuePipelineInput): Promise<string> {
    const result = (await this.api.continuePipeline({ body: continueBody(input) })).body;
    this.pipeline.clearAll();
    return str(result.message) ?? '';
  }

  async cancelJob(key: JobKey): Promise<MessageResult<CircleCiJobDetailsModel>> {
    const result = (await this.api.cancelJob({ path: { 'project-slug': key.projectSlug, 'job-number': key.number } })).body;
    this.jobDetails.clear(key);
    this.workflowJobs.clearAll();
    this.workflow.clearAll();
    return { message: str(result.message) ?? '', object: await this.jobDetails.load(key) };
  }

  private async afterWorkflowAction(workflowId: string, result: { readonly message?: unknown }): Promise<MessageResult<CircleCiWorkflowModel>> {
    this.workflow.clear(workflowId);
    this.workflowJobs.clear(workflowId);
    return { message: str(result.message) ?? '', object: await this.workflow.load(workflowId) };
  }

  async cancelWorkflow(workflowId: string): Promise<MessageResult<CircleCiWorkflowModel>> {
    return this.afterWorkflowAction(workflowId, (await this.api.cancelWorkflow({ path: { id: workflowId } })).body);
  }

  async approveJob(workflowId: string, approvalRequestId: string): Promise<MessageResult<CircleCiWorkflowModel>> {
    const result = (await this.api.approvePendingApprovalJobById({ path: { id: workflowId, approval_request_id: approvalRequestId } })).body;
    return this.afterWorkflowAction(workflowId, result);
  }

  /** Reruns a workflow; CircleCI answers with the new workflow's id, read back here. */
  async rerunWorkflow(workflowId: string, input: RerunWorkflowInput): Promise<CircleCiWorkflowModel> {
    const body = rerunBody(input);
    const result = (await this.api.rerunWorkflow({ path: { id: workflowId }, body })).body;
    return this.workflow.load(str(result.workflow_id) ?? '');
  }

  async createCheckoutKey(projectSlug: string, type: 'user-key' | 'deploy-key'): Promise<CircleCiCheckoutKeyModel> {
    const key = toCheckoutKey((await this.api.createCheckoutKey({ path: { 'project-slug': projectSlug }, body: { type } })).body, projectSlug);
    this.checkoutKey.clearAll();
    this.checkoutKey.prime({ projectSlug, name: key.fingerprint }, key);
    return key;
  }

  async deleteCheckoutKey(projectSlug: string, fingerprint: string): Promise<string> {
    const result = (await this.api.deleteCheckoutKey({ path: { 'project-slug': projectSlug, fingerprint } })).body;
    this.checkoutKey.clearAll();
    return str(result.message) ?? '';
  }

  async createEnvVar(projectSlug: string, name: string, value: string): Promise<CircleCiEnvVarModel> {
    const envVar = toEnvVar((await this.api.createEnvVar({ path: { 'project-slug': projectSlug }, body: { name, value } })).body, projectSlug);
    this.envVar.clear({ projectSlug, name }).prime({ projectSlug, name }, envVar);
    return envVar;
  }

  async deleteEnvVar(projectSlug: string, name: string): Promise<string> {
    const result = (await this.api.deleteEnvVar({ path: { 'project-slug': projectSlug, name } })).body;
    this.envVar.clear({ projectSlug, name });
    return str(result.message) ?? '';
  }

  async createSchedule(projectSlug: string, input: ScheduleInput): Promise<CircleCiScheduleModel> {
    const body = scheduleBody(input, false);
    const schedule = toSchedule((await this.api.createSchedule({ path: { 'project-slug': projectSlug }, body })).body);
    this.schedule.prime(schedule.id, schedule);
    return schedule;
  }

  async updateSchedule(id: string, input: ScheduleInput): Promise<CircleCiScheduleModel> {
    const body = scheduleBody(input, true);
    const schedule = toSchedule((await this.api.updateSchedule({ path: { 'schedule-id': id }, body })).body);
    this.schedule.clear(id).prime(id, schedule);
    return schedule;
  }

  async deleteSchedule(id: string): Promise<string> {
    const result = (await this.api.deleteScheduleById({ path: { 'schedule-id': id } })).body;
    this.schedule.clear(id);
    return str(result.message) ?? '';
  }

  /** Follows a repository as a CircleCI project; CircleCI answers with its settings. */
  async createProject(projectSlug: string): Promise<CircleCiProjectSettingsModel> {
    const settings = toProjectSettings((await this.api.createProject({ path: slugParts(projectSlug) })).body, projectSlug);
    this.project.clear(projectSlug);
    this.settings.clear(projectSlug).prime(projectSlug, settings);
    return settings;
  }

  async updateProjectSettings(projectSlug: string, input: ProjectSettingsInput): Promise<CircleCiProjectSettingsModel> {
    const path = slugParts(projectSlug);
    const settings = toProjectSettings((await this.api.patchProjectSettings({ path, body: settingsBody(input) })).body, projectSlug);
    this.settings.clear(projectSlug).prime(projectSlug, settings);
    return settings;
  }

  /** A project's pipelines, newest first, optionally on one branch. */
  pipelinesOfProject(slug: string, args: ConnectionArgs & { branch?: string | null | undefined }): Promise<Connection<CircleCiPipelineModel>> {
    return connectionFromPages(args, async (token) => {
      const page = pageOf((await this.api.listPipelinesForProject({ path: { 'project-slug': slug }, query: { branch: args.branch, 'page-token': token } })).body, toPipeline);
      this.primePipelines(page);
      return page;
    });
  }

  /**
   * Hands over a first page of a pipeline's workflows already read (by a
   * live poller, for an event): `workflowsPage(pipelineId, null)` answers it
   * without a call.
   */
  primeWorkflowsPage(pipelineId: string, page: UpstreamPage<CircleCiWorkflowModel>): void {
    this.firstWorkflowPages.set(pipelineId, page);
    for (const workflow of page.items) this.workflow.prime(workflow.id, workflow);
  }

  /** One page of a pipeline's workflows, from a page token (null for the first). */
  async workflowsPage(pipelineId: string, token: string | null): Promise<UpstreamPage<CircleCiWorkflowModel>> {
    const primed = token === null ? this.firstWorkflowPages.get(pipelineId) : undefined;
    if (primed !== undefined) return primed;
    const page = pageOf((await this.api.listWorkflowsByPipelineId({ path: { 'pipeline-id': pipelineId }, query: { 'page-token': token } })).body, toWorkflow);
    for (const workflow of page.items) this.workflow.prime(workflow.id, workflow);
    return page;
  }

  /** A pipeline's workflows. */
  workflowsOfPipeline(pipelineId: string, args: ConnectionArgs): Promise<Connection<CircleCiWorkflowModel>> {
    return connectionFromPages(args, (token) => this.workflowsPage(pipelineId, token));
  }
}
