import type { FlexStackDeploymentEventModel } from '../events.js';
import type { LiveContext } from '../LiveContext.js';
import { readableCache } from '../readableCache.js';

/**
 * Checks with the subscriber's FlexStack key that it can read the project
 * (`GET /projects/{id}`; 404/403 surface as NOT_FOUND/FORBIDDEN), and for a
 * subscription to every project, checks each event's project the same way,
 * again after a while.
 */
export async function flexStackScope(context: LiveContext, projectId: string | null | undefined): Promise<(event: FlexStackDeploymentEventModel) => Promise<boolean>> {
  // Loaders are renewed per event; each check goes through the current ones.
  const access = readableCache((id) => context.loaders.flexstack.project.load(id));
  if (projectId === undefined || projectId === null) {
    // Fails now (not configured, no or bad key) rather than silently matching nothing.
    await context.loaders.flexstack.projectsPage(null, 1, {});
    return (event) => access.canRead(event.projectId);
  }
  await context.loaders.flexstack.project.load(projectId);
  access.trust(projectId);
  return async (event) => event.projectId === projectId && access.canRead(projectId);
}
