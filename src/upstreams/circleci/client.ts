import type { UpstreamSession } from '../http/UpstreamSession.js';
import type { UpstreamPage } from '../../relay/connection.js';
import type { WirePage, WirePipeline, WireProject, WireWorkflow } from './wire.js';

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
}
