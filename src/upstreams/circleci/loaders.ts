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

/**
 * One request's CircleCI data access: DataLoaders for objects by key (so 20
 * pipelines of one project fetch that project once), connections mapped from
 * CircleCI's page tokens, and the writes. Lists prime the by-key loaders.
 */
export class CircleCiLoaders {
  readonly client: CircleCiClient;
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
