import { projectRefOf } from '../../upstreams/gitlab/ids.js';
import type { GitLabPipelineEvent } from '../events.js';
import type { LiveContext } from '../LiveContext.js';
import { readableCache } from '../readableCache.js';

/** The filter arguments of `gitlabPipelineStatusChanged`, checked: at most one, a project id numeric. */
export interface GitLabScopeArgs {
  readonly projectId?: string | null | undefined;
  readonly projectPath?: string | null | undefined;
}

/**
 * Checks with the subscriber's GitLab credential that it can read the
 * project (`GET /projects/:id`; 404/401 surface as NOT_FOUND/UNAUTHENTICATED),
 * and filters events to projects that credential can read, checking each
 * project again after a while. Without a project, every event's project is
 * checked the same way.
 */
export async function gitLabScope(context: LiveContext, args: GitLabScopeArgs): Promise<(event: GitLabPipelineEvent) => Promise<boolean>> {
  // Loaders are renewed per event; each check goes through the current ones.
  const access = readableCache((id) => context.loaders.gitlab.project.load(id));
  const ref = args.projectId ?? args.projectPath;
  if (ref === undefined || ref === null) {
    // Fails now (not configured, bad token) rather than silently matching nothing.
    await context.loaders.gitlab.projectsPage(null, 1, {});
    return (event) => access.canRead(event.projectId);
  }
  const project = await context.loaders.gitlab.project.load(projectRefOf(ref));
  const id = String(project.id);
  access.trust(id);
  return async (event) => event.projectId === id && access.canRead(id);
}
