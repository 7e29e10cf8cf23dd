import { UpstreamSession } from '../../upstreams/http/UpstreamSession.js';
import type { FlexStackDeploymentModel } from '../events.js';
import type { LiveContext } from '../LiveContext.js';

const accessTtlMs = 300_000;

/**
 * Checks with the subscriber's FlexStack key that it can read the project
 * (`GET /projects/{id}`; 404/403 surface as NOT_FOUND/FORBIDDEN), and for a
 * subscription to every project, checks each event's project the same way.
 */
export async function flexStackScope(context: LiveContext, projectId: string | null | undefined): Promise<(event: FlexStackDeploymentModel) => Promise<boolean>> {
  const readable = new Map<string, { ok: Promise<boolean>; until: number }>();
  const fetchProject = async (id: string): Promise<void> => {
    const session = new UpstreamSession(context.upstreams.get('flexstack'), context.credentials.flexstack, context.requestId, 'flexstack');
    await session.get(`/projects/${encodeURIComponent(id)}`, undefined, '/projects/{id}');
  };
  const canRead = (id: string): Promise<boolean> => {
    const cached = readable.get(id);
    if (cached !== undefined && cached.until > Date.now()) return cached.ok;
    const ok = fetchProject(id).then(
      () => true,
      () => false,
    );
    readable.set(id, { ok, until: Date.now() + accessTtlMs });
    return ok;
  };
  if (projectId === undefined || projectId === null) {
    // Fails now (not configured, no or bad key) rather than silently matching nothing.
    await new UpstreamSession(context.upstreams.get('flexstack'), context.credentials.flexstack, context.requestId, 'flexstack').get('/projects', { limit: 1 }, '/projects');
    return (event) => canRead(event.projectId);
  }
  await fetchProject(projectId);
  readable.set(projectId, { ok: Promise.resolve(true), until: Date.now() + accessTtlMs });
  return async (event) => event.projectId === projectId && canRead(projectId);
}
