import type DataLoader from 'dataloader';
import type { UpstreamSession } from '../http/UpstreamSession.js';
import { connectionFromPages, type Connection, type ConnectionArgs } from '../../relay/connection.js';
import { keyLoader } from '../loaderUtils.js';
import { CircleCiClient, pageOf } from './client.js';
import { toPipeline, toProject, toWorkflow } from './mappers.js';
import type { CircleCiPipelineModel, CircleCiProjectModel, CircleCiWorkflowModel } from './models.js';
import { ContextLoaders } from './contexts/loaders.js';
import { WebhookLoaders } from './webhooks/loaders.js';
import { InsightsLoaders } from './insights/loaders.js';
import { OidcLoaders } from './oidc/loaders.js';
import { PolicyLoaders } from './policy/loaders.js';
import { UsageLoaders } from './usage/loaders.js';
import { connectionFromList } from '../../relay/connection.js';
import { badUserInput } from '../../errors/GatewayError.js';
import { str } from '../decode.js';
import {
  checkEnvVarName,
  checkProjectSlug,
  checkUuid,
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
} from './inputs.js';
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
 * One request's CircleCI data access: DataLoaders for objects by key (so 20
 * pipelines of one project fetch that project once, N jobs of one workflow
 * fetch it once), connections mapped from CircleCI's page tokens, and the
 * writes, which check their input before calling CircleCI and then clear or
 * prime the loaders they affect. Lists prime the by-key loaders.
 */
export class CircleCiLoaders {
  readonly client: CircleCiClient;
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

  constructor(session: UpstreamSession) {
    const client = new CircleCiClient(session);
    this.client = client;
    this.user = keyLoader(async (id) => toUser(await client.getUser(id)));
    this.pipelineByNumber = keyLoader(async (key) => {
      const pipeline = toPipeline(await client.getPipelineByNumber(key.projectSlug, key.number));
      this.pipeline.prime(pipeline.id, pipeline);
      return pipeline;
    }, jobKey);
    this.pipelineConfig = keyLoader(async (id) => toPipelineConfig(await client.getPipelineConfigById(id)));
    this.workflowJobs = keyLoader(async (id) => pageOf(await client.listWorkflowJobs(id), (wire) => toJob(wire, id)).items);
    this.jobDetails = keyLoader(async (key) => toJobDetails(await client.getJobDetails(key.projectSlug, key.number), key.projectSlug), jobKey);
    this.schedule = keyLoader(async (id) => toSchedule(await client.getScheduleById(id)));
    this.envVar = keyLoader(async (key) => toEnvVar(await client.getEnvVar(key.projectSlug, key.name), key.projectSlug), itemKey);
    this.checkoutKey = keyLoader(async (key) => toCheckoutKey(await client.getCheckoutKey(key.projectSlug, key.name), key.projectSlug), itemKey);
    this.settings = keyLoader(async (slug) => toProjectSettings(await client.getProjectSettings(slug), slug));
    this.project = keyLoader(async (slug) => toProject(await client.getProjectBySlug(slug)));
    this.pipeline = keyLoader(async (id) => toPipeline(await client.getPipelineById(id)));
    this.workflow = keyLoader(async (id) => toWorkflow(await client.getWorkflowById(id)));
    this.contexts = new ContextLoaders(session);
    this.webhooks = new WebhookLoaders(session);
    this.insights = new InsightsLoaders(session);
    this.oidc = new OidcLoaders(session);
    this.policy = new PolicyLoaders(session);
    this.usage = new UsageLoaders(session);
  }

  /** The signed-in user. */
  async me(): Promise<CircleCiUserModel> {
    const user = toUser(await this.client.getCurrentUser());
    this.user.prime(user.id, user);
    return user;
  }

  /** The organizations the signed-in user belongs to (one unpaged list). */
  async collaborations(args: ConnectionArgs): Promise<Connection<CircleCiCollaborationModel>> {
    return connectionFromList(args, (await this.client.getCollaborations()).map(toCollaboration));
  }

  private primePipelines(page: { readonly items: readonly CircleCiPipelineModel[] }): void {
    for (const pipeline of page.items) this.pipeline.prime(pipeline.id, pipeline);
  }

  /** The pipelines of a project the signed-in user triggered. */
  myPipelinesOfProject(slug: string, args: ConnectionArgs): Promise<Connection<CircleCiPipelineModel>> {
    return connectionFromPages(args, async (token) => {
      const page = pageOf(await this.client.listMyPipelines(slug, token), toPipeline);
      this.primePipelines(page);
      return page;
    });
  }

  /** The pipelines of an organization (or of every one the user is in), optionally only the user's own. */
  pipelines(args: ConnectionArgs & { orgSlug?: string | null | undefined; mine?: boolean | null | undefined }): Promise<Connection<CircleCiPipelineModel>> {
    return connectionFromPages(args, async (token) => {
      const page = pageOf(await this.client.listPipelines({ orgSlug: args.orgSlug, mine: args.mine, pageToken: token }), toPipeline);
      this.primePipelines(page);
      return page;
    });
  }

  /** A workflow's jobs: the endpoint takes no page token, so its one answer is paged here. */
  async jobsOfWorkflow(workflowId: string, args: ConnectionArgs): Promise<Connection<CircleCiJobModel>> {
    return connectionFromList(args, await this.workflowJobs.load(workflowId));
  }

  artifactsOfJob(key: JobKey, args: ConnectionArgs): Promise<Connection<CircleCiArtifactModel>> {
    return connectionFromPages(args, async (token) => pageOf(await this.client.getJobArtifacts(key.projectSlug, key.number, token), toArtifact));
  }

  testsOfJob(key: JobKey, args: ConnectionArgs): Promise<Connection<CircleCiTestResultModel>> {
    return connectionFromPages(args, async (token) => pageOf(await this.client.getTests(key.projectSlug, key.number, token), toTestResult));
  }

  schedulesOfProject(slug: string, args: ConnectionArgs): Promise<Connection<CircleCiScheduleModel>> {
    return connectionFromPages(args, async (token) => {
      const page = pageOf(await this.client.listSchedulesForProject(slug, token), toSchedule);
      for (const schedule of page.items) this.schedule.prime(schedule.id, schedule);
      return page;
    });
  }

  envVarsOfProject(slug: string, args: ConnectionArgs): Promise<Connection<CircleCiEnvVarModel>> {
    return connectionFromPages(args, async (token) => {
      const page = pageOf(await this.client.listEnvVars(slug, token), (wire) => toEnvVar(wire, slug));
      for (const envVar of page.items) this.envVar.prime({ projectSlug: slug, name: envVar.name }, envVar);
      return page;
    });
  }

  checkoutKeysOfProject(slug: string, args: ConnectionArgs & { digest?: 'md5' | 'sha256' | null | undefined }): Promise<Connection<CircleCiCheckoutKeyModel>> {
    return connectionFromPages(args, async (token) => {
      const page = pageOf(await this.client.listCheckoutKeys(slug, { digest: args.digest, pageToken: token }), (wire) => toCheckoutKey(wire, slug));
      for (const key of page.items) this.checkoutKey.prime({ projectSlug: slug, name: key.fingerprint }, key);
      return page;
    });
  }

  // Writes

  /** Triggers a pipeline and reads it back whole (the trigger answers with a summary). */
  async triggerPipeline(input: TriggerPipelineInput): Promise<CircleCiPipelineModel> {
    const body = triggerBody(input);
    const created = await this.client.triggerPipeline(input.projectSlug, body);
    const id = str(created.id) ?? '';
    this.pipeline.clear(id);
    return this.pipeline.load(id);
  }

  async continuePipeline(input: ContinuePipelineInput): Promise<string> {
    const result = await this.client.continuePipeline(continueBody(input));
    this.pipeline.clearAll();
    return str(result.message) ?? '';
  }

  async cancelJob(key: JobKey): Promise<MessageResult<CircleCiJobDetailsModel>> {
    checkProjectSlug(key.projectSlug);
    if (!Number.isInteger(key.number) || key.number < 1) throw badUserInput('jobNumber must be a positive job number', [{ field: 'jobNumber', message: 'not positive' }]);
    const result = await this.client.cancelJob(key.projectSlug, key.number);
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
    checkUuid(workflowId, 'workflowId');
    return this.afterWorkflowAction(workflowId, await this.client.cancelWorkflow(workflowId));
  }

  async approveJob(workflowId: string, approvalRequestId: string): Promise<MessageResult<CircleCiWorkflowModel>> {
    checkUuid(workflowId, 'workflowId');
    checkUuid(approvalRequestId, 'approvalRequestId');
    return this.afterWorkflowAction(workflowId, await this.client.approvePendingApprovalJobById(workflowId, approvalRequestId));
  }

  /** Reruns a workflow; CircleCI answers with the new workflow's id, read back here. */
  async rerunWorkflow(workflowId: string, input: RerunWorkflowInput): Promise<CircleCiWorkflowModel> {
    checkUuid(workflowId, 'workflowId');
    const result = await this.client.rerunWorkflow(workflowId, rerunBody(input));
    return this.workflow.load(str(result.workflow_id) ?? '');
  }

  async createCheckoutKey(projectSlug: string, type: 'user-key' | 'deploy-key'): Promise<CircleCiCheckoutKeyModel> {
    checkProjectSlug(projectSlug);
    const key = toCheckoutKey(await this.client.createCheckoutKey(projectSlug, type), projectSlug);
    this.checkoutKey.clearAll();
    this.checkoutKey.prime({ projectSlug, name: key.fingerprint }, key);
    return key;
  }

  async deleteCheckoutKey(projectSlug: string, fingerprint: string): Promise<string> {
    checkProjectSlug(projectSlug);
    if (fingerprint.trim() === '') throw badUserInput('fingerprint must not be empty', [{ field: 'fingerprint', message: 'empty' }]);
    const result = await this.client.deleteCheckoutKey(projectSlug, fingerprint);
    this.checkoutKey.clearAll();
    return str(result.message) ?? '';
  }

  async createEnvVar(projectSlug: string, name: string, value: string): Promise<CircleCiEnvVarModel> {
    checkProjectSlug(projectSlug);
    checkEnvVarName(name);
    const envVar = toEnvVar(await this.client.createEnvVar(projectSlug, { name, value }), projectSlug);
    this.envVar.clear({ projectSlug, name }).prime({ projectSlug, name }, envVar);
    return envVar;
  }

  async deleteEnvVar(projectSlug: string, name: string): Promise<string> {
    checkProjectSlug(projectSlug);
    checkEnvVarName(name);
    const result = await this.client.deleteEnvVar(projectSlug, name);
    this.envVar.clear({ projectSlug, name });
    return str(result.message) ?? '';
  }

  async createSchedule(projectSlug: string, input: ScheduleInput): Promise<CircleCiScheduleModel> {
    checkProjectSlug(projectSlug);
    const schedule = toSchedule(await this.client.createSchedule(projectSlug, scheduleBody(input, false)));
    this.schedule.prime(schedule.id, schedule);
    return schedule;
  }

  async updateSchedule(id: string, input: ScheduleInput): Promise<CircleCiScheduleModel> {
    checkUuid(id, 'id');
    const schedule = toSchedule(await this.client.updateSchedule(id, scheduleBody(input, true)));
    this.schedule.clear(id).prime(id, schedule);
    return schedule;
  }

  async deleteSchedule(id: string): Promise<string> {
    checkUuid(id, 'id');
    const result = await this.client.deleteScheduleById(id);
    this.schedule.clear(id);
    return str(result.message) ?? '';
  }

  /** Follows a repository as a CircleCI project; CircleCI answers with its settings. */
  async createProject(projectSlug: string): Promise<CircleCiProjectSettingsModel> {
    checkProjectSlug(projectSlug);
    if (projectSlug.startsWith('circleci/')) {
      throw badUserInput('CircleCI creates projects over its API only for GitHub OAuth and Bitbucket organizations (gh/… or bb/…)', [
        { field: 'projectSlug', message: 'not a gh/ or bb/ slug' },
      ]);
    }
    const settings = toProjectSettings(await this.client.createProject(projectSlug), projectSlug);
    this.project.clear(projectSlug);
    this.settings.clear(projectSlug).prime(projectSlug, settings);
    return settings;
  }

  async updateProjectSettings(projectSlug: string, input: ProjectSettingsInput): Promise<CircleCiProjectSettingsModel> {
    checkProjectSlug(projectSlug);
    const settings = toProjectSettings(await this.client.patchProjectSettings(projectSlug, settingsBody(input)), projectSlug);
    this.settings.clear(projectSlug).prime(projectSlug, settings);
    return settings;
  }

  /** A project's pipelines, newest first, optionally on one branch. */
  pipelinesOfProject(slug: string, args: ConnectionArgs & { branch?: string | null | undefined }): Promise<Connection<CircleCiPipelineModel>> {
    return connectionFromPages(args, async (token) => {
      const page = pageOf((await this.client.listPipelinesForProject(slug, { branch: args.branch, pageToken: token })), toPipeline);
      for (const pipeline of page.items) this.pipeline.prime(pipeline.id, pipeline);
      return page;
    });
  }

  /** A pipeline's workflows. */
  workflowsOfPipeline(pipelineId: string, args: ConnectionArgs): Promise<Connection<CircleCiWorkflowModel>> {
    return connectionFromPages(args, async (token) => {
      const page = pageOf(await this.client.listWorkflowsByPipelineId(pipelineId, token), toWorkflow);
      for (const workflow of page.items) this.workflow.prime(workflow.id, workflow);
      return page;
    });
  }
}
