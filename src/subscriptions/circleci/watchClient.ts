import type { UpstreamSession } from '../../upstreams/http/UpstreamSession.js';
import type { WirePage } from '../../upstreams/circleci/wire.js';

/** A job as `GET /workflow/{id}/job` lists it. */
export interface WireWorkflowJob {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly job_number?: unknown;
  readonly status?: unknown;
  readonly started_at?: unknown;
  readonly stopped_at?: unknown;
}

/** An organization as `GET /me/collaborations` lists it. */
export interface WireCollaboration {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly slug?: unknown;
  readonly 'vcs-type'?: unknown;
}

/**
 * The CircleCI reads live updates need beyond the query loaders: a
 * workflow's jobs (polled) and the caller's organizations (to check an
 * `orgSlug` subscription). In CircleCI's own paths.
 */
export class CircleCiWatchClient {
  constructor(private readonly session: UpstreamSession) {}

  /** `GET /workflow/{id}/job`: returns a page token but takes none, so one call is the whole list. */
  async listWorkflowJobs(workflowId: string): Promise<WirePage<WireWorkflowJob>> {
    return (await this.session.get<WirePage<WireWorkflowJob>>(`/workflow/${encodeURIComponent(workflowId)}/job`, undefined, '/workflow/{id}/job')).body;
  }

  /** `GET /me/collaborations`: the organizations the credential belongs to. */
  async listCollaborations(): Promise<WireCollaboration[]> {
    const body = (await this.session.get<unknown>('/me/collaborations', undefined, '/me/collaborations')).body;
    return Array.isArray(body) ? (body as WireCollaboration[]) : [];
  }
}
