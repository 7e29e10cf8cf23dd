import type { UpstreamSession } from '../http/UpstreamSession.js';
import type { UpstreamPage } from '../../relay/connection.js';
import type {
  WireArtifact,
  WireCheckoutKey,
  WireCollaboration,
  WireEnvVar,
  WireJobDetails,
  WireMessage,
  WirePage,
  WirePipeline,
  WirePipelineConfig,
  WireProject,
  WireProjectSettings,
  WireRerun,
  WireSchedule,
  WireTestResult,
  WireTriggeredPipeline,
  WireUser,
  WireWorkflow,
  WireWorkflowJob,
} from './wire.js';

/** Pipeline parameters as CircleCI takes them. */
export type WireParameters = Readonly<Record<string, string | number | boolean>>;

/** A timetable in CircleCI's kebab-case keys. */
export interface WireTimetableBody {
  readonly 'per-hour'?: number;
  readonly 'hours-of-day'?: readonly number[];
  readonly 'days-of-week'?: readonly string[];
  readonly 'days-of-month'?: readonly number[];
  readonly months?: readonly string[];
}

/** The body of `POST /project/{slug}/schedule` (all fields) and `PATCH /schedule/{id}` (any of them). */
export interface WireScheduleBody {
  readonly name?: string;
  readonly description?: string | null;
  readonly timetable?: WireTimetableBody;
  readonly 'attribution-actor'?: 'current' | 'system';
  readonly parameters?: WireParameters;
}

/** The body of `POST /workflow/{id}/rerun`. */
export interface WireRerunBody {
  readonly enable_ssh?: boolean;
  readonly from_failed?: boolean;
  readonly jobs?: readonly string[];
  readonly sparse_tree?: boolean;
}

/** A project slug as a path: each of its `/`-separated parts encoded on its own. */
export function slugPath(slug: string): string {
  return slug
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
}

const seg = encodeURIComponent;

/** Reads CircleCI's `{ items, next_page_token }` into a page. */
export function pageOf<W, M>(body: WirePage<W> | null, map: (wire: W) => M): UpstreamPage<M> {
  const next = body?.next_page_token;
  return { items: (body?.items ?? []).map(map), next: typeof next === 'string' && next !== '' ? next : null };
}

/**
 * CircleCI API v2, one method per operation, in the service's own terms.
 * Bound to one request's credential through its session.
 */
export class CircleCiClient {
  constructor(private readonly session: UpstreamSession) {}

  async getProjectBySlug(slug: string): Promise<WireProject> {
    return (await this.session.get<WireProject>(`/project/${slugPath(slug)}`, undefined, '/project/{project-slug}')).body;
  }

  async listPipelinesForProject(slug: string, options: { branch?: string | null | undefined; pageToken: string | null }): Promise<WirePage<WirePipeline>> {
    return (
      await this.session.get<WirePage<WirePipeline>>(
        `/project/${slugPath(slug)}/pipeline`,
        { branch: options.branch, 'page-token': options.pageToken },
        '/project/{project-slug}/pipeline',
      )
    ).body;
  }

  async getPipelineById(id: string): Promise<WirePipeline> {
    return (await this.session.get<WirePipeline>(`/pipeline/${seg(id)}`, undefined, '/pipeline/{pipeline-id}')).body;
  }

  async listWorkflowsByPipelineId(id: string, pageToken: string | null): Promise<WirePage<WireWorkflow>> {
    return (
      await this.session.get<WirePage<WireWorkflow>>(
        `/pipeline/${seg(id)}/workflow`,
        { 'page-token': pageToken },
        '/pipeline/{pipeline-id}/workflow',
      )
    ).body;
  }

  async getWorkflowById(id: string): Promise<WireWorkflow> {
    return (await this.session.get<WireWorkflow>(`/workflow/${seg(id)}`, undefined, '/workflow/{id}')).body;
  }

  private async write<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, route: string, body?: unknown): Promise<T> {
    return (await this.session.send<T>({ method, path, route, ...(body !== undefined ? { body } : {}) })).body;
  }

  // Users

  async getCurrentUser(): Promise<WireUser> {
    return (await this.session.get<WireUser>('/me', undefined, '/me')).body;
  }

  async getCollaborations(): Promise<readonly WireCollaboration[]> {
    return (await this.session.get<readonly WireCollaboration[]>('/me/collaborations', undefined, '/me/collaborations')).body;
  }

  async getUser(id: string): Promise<WireUser> {
    return (await this.session.get<WireUser>(`/user/${seg(id)}`, undefined, '/user/{id}')).body;
  }

  // Pipelines

  async listPipelines(options: { orgSlug?: string | null | undefined; mine?: boolean | null | undefined; pageToken: string | null }): Promise<WirePage<WirePipeline>> {
    return (
      await this.session.get<WirePage<WirePipeline>>('/pipeline', { 'org-slug': options.orgSlug, mine: options.mine, 'page-token': options.pageToken }, '/pipeline')
    ).body;
  }

  async listMyPipelines(slug: string, pageToken: string | null): Promise<WirePage<WirePipeline>> {
    return (
      await this.session.get<WirePage<WirePipeline>>(`/project/${slugPath(slug)}/pipeline/mine`, { 'page-token': pageToken }, '/project/{project-slug}/pipeline/mine')
    ).body;
  }

  async getPipelineByNumber(slug: string, number: number): Promise<WirePipeline> {
    return (
      await this.session.get<WirePipeline>(`/project/${slugPath(slug)}/pipeline/${number}`, undefined, '/project/{project-slug}/pipeline/{pipeline-number}')
    ).body;
  }

  async getPipelineConfigById(id: string): Promise<WirePipelineConfig> {
    return (await this.session.get<WirePipelineConfig>(`/pipeline/${seg(id)}/config`, undefined, '/pipeline/{pipeline-id}/config')).body;
  }

  async triggerPipeline(slug: string, body: { readonly branch?: string; readonly tag?: string; readonly parameters?: WireParameters }): Promise<WireTriggeredPipeline> {
    return this.write('POST', `/project/${slugPath(slug)}/pipeline`, '/project/{project-slug}/pipeline', body);
  }

  async continuePipeline(body: { readonly 'continuation-key': string; readonly configuration: string; readonly parameters?: WireParameters }): Promise<WireMessage> {
    return this.write('POST', '/pipeline/continue', '/pipeline/continue', body);
  }

  // Workflows and jobs

  async listWorkflowJobs(id: string): Promise<WirePage<WireWorkflowJob>> {
    return (await this.session.get<WirePage<WireWorkflowJob>>(`/workflow/${seg(id)}/job`, undefined, '/workflow/{id}/job')).body;
  }

  async cancelWorkflow(id: string): Promise<WireMessage> {
    return this.write('POST', `/workflow/${seg(id)}/cancel`, '/workflow/{id}/cancel');
  }

  async rerunWorkflow(id: string, body: WireRerunBody): Promise<WireRerun> {
    return this.write('POST', `/workflow/${seg(id)}/rerun`, '/workflow/{id}/rerun', body);
  }

  async approvePendingApprovalJobById(id: string, approvalRequestId: string): Promise<WireMessage> {
    return this.write('POST', `/workflow/${seg(id)}/approve/${seg(approvalRequestId)}`, '/workflow/{id}/approve/{approval_request_id}');
  }

  async getJobDetails(slug: string, number: number): Promise<WireJobDetails> {
    return (await this.session.get<WireJobDetails>(`/project/${slugPath(slug)}/job/${number}`, undefined, '/project/{project-slug}/job/{job-number}')).body;
  }

  async cancelJob(slug: string, number: number): Promise<WireMessage> {
    return this.write('POST', `/project/${slugPath(slug)}/job/${number}/cancel`, '/project/{project-slug}/job/{job-number}/cancel');
  }

  async getJobArtifacts(slug: string, number: number, pageToken: string | null): Promise<WirePage<WireArtifact>> {
    return (
      await this.session.get<WirePage<WireArtifact>>(`/project/${slugPath(slug)}/${number}/artifacts`, { 'page-token': pageToken }, '/project/{project-slug}/{job-number}/artifacts')
    ).body;
  }

  async getTests(slug: string, number: number, pageToken: string | null): Promise<WirePage<WireTestResult>> {
    return (
      await this.session.get<WirePage<WireTestResult>>(`/project/${slugPath(slug)}/${number}/tests`, { 'page-token': pageToken }, '/project/{project-slug}/{job-number}/tests')
    ).body;
  }

  // Schedules

  async listSchedulesForProject(slug: string, pageToken: string | null): Promise<WirePage<WireSchedule>> {
    return (
      await this.session.get<WirePage<WireSchedule>>(`/project/${slugPath(slug)}/schedule`, { 'page-token': pageToken }, '/project/{project-slug}/schedule')
    ).body;
  }

  async createSchedule(slug: string, body: WireScheduleBody): Promise<WireSchedule> {
    return this.write('POST', `/project/${slugPath(slug)}/schedule`, '/project/{project-slug}/schedule', body);
  }

  async getScheduleById(id: string): Promise<WireSchedule> {
    return (await this.session.get<WireSchedule>(`/schedule/${seg(id)}`, undefined, '/schedule/{schedule-id}')).body;
  }

  async updateSchedule(id: string, body: WireScheduleBody): Promise<WireSchedule> {
    return this.write('PATCH', `/schedule/${seg(id)}`, '/schedule/{schedule-id}', body);
  }

  async deleteScheduleById(id: string): Promise<WireMessage> {
    return this.write('DELETE', `/schedule/${seg(id)}`, '/schedule/{schedule-id}');
  }

  // Project environment variables

  async listEnvVars(slug: string, pageToken: string | null): Promise<WirePage<WireEnvVar>> {
    return (await this.session.get<WirePage<WireEnvVar>>(`/project/${slugPath(slug)}/envvar`, { 'page-token': pageToken }, '/project/{project-slug}/envvar')).body;
  }

  async getEnvVar(slug: string, name: string): Promise<WireEnvVar> {
    return (await this.session.get<WireEnvVar>(`/project/${slugPath(slug)}/envvar/${seg(name)}`, undefined, '/project/{project-slug}/envvar/{name}')).body;
  }

  async createEnvVar(slug: string, body: { readonly name: string; readonly value: string }): Promise<WireEnvVar> {
    return this.write('POST', `/project/${slugPath(slug)}/envvar`, '/project/{project-slug}/envvar', body);
  }

  async deleteEnvVar(slug: string, name: string): Promise<WireMessage> {
    return this.write('DELETE', `/project/${slugPath(slug)}/envvar/${seg(name)}`, '/project/{project-slug}/envvar/{name}');
  }

  // Checkout keys

  async listCheckoutKeys(slug: string, options: { digest?: 'md5' | 'sha256' | null | undefined; pageToken: string | null }): Promise<WirePage<WireCheckoutKey>> {
    return (
      await this.session.get<WirePage<WireCheckoutKey>>(
        `/project/${slugPath(slug)}/checkout-key`,
        { digest: options.digest, 'page-token': options.pageToken },
        '/project/{project-slug}/checkout-key',
      )
    ).body;
  }

  /** By md5 or sha256 fingerprint; a sha256 one (`SHA256:…`, base64) is URL-encoded. */
  async getCheckoutKey(slug: string, fingerprint: string): Promise<WireCheckoutKey> {
    return (
      await this.session.get<WireCheckoutKey>(`/project/${slugPath(slug)}/checkout-key/${seg(fingerprint)}`, undefined, '/project/{project-slug}/checkout-key/{fingerprint}')
    ).body;
  }

  async createCheckoutKey(slug: string, type: 'user-key' | 'deploy-key'): Promise<WireCheckoutKey> {
    return this.write('POST', `/project/${slugPath(slug)}/checkout-key`, '/project/{project-slug}/checkout-key', { type });
  }

  async deleteCheckoutKey(slug: string, fingerprint: string): Promise<WireMessage> {
    return this.write('DELETE', `/project/${slugPath(slug)}/checkout-key/${seg(fingerprint)}`, '/project/{project-slug}/checkout-key/{fingerprint}');
  }

  // Projects and their settings: these take the slug as three path parameters.

  async createProject(slug: string): Promise<WireProjectSettings> {
    return this.write('POST', `/project/${slugPath(slug)}`, '/project/{provider}/{organization}/{project}');
  }

  async getProjectSettings(slug: string): Promise<WireProjectSettings> {
    return (await this.session.get<WireProjectSettings>(`/project/${slugPath(slug)}/settings`, undefined, '/project/{provider}/{organization}/{project}/settings')).body;
  }

  async patchProjectSettings(slug: string, body: WireProjectSettings): Promise<WireProjectSettings> {
    return this.write('PATCH', `/project/${slugPath(slug)}/settings`, '/project/{provider}/{organization}/{project}/settings', body);
  }
}
