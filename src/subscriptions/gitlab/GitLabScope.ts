import { badUserInput } from '../../errors/GatewayError.js';
import { fromGlobalId } from '../../relay/globalId.js';
import { projectRefOf } from '../../upstreams/gitlab/ids.js';
import type { GitLabPipelineEvent } from '../events.js';
import type { LiveContext } from '../LiveContext.js';
import { readableCache } from '../readableCache.js';

/** The filter arguments of `gitlabPipelineStatusChanged`. */
export interface GitLabScopeArgs {
  readonly projectId?: string | null | undefined;
  readonly projectPath?: string | null | undefined;
}

/** A numeric project id, from itself or from a GitLabProject global id. */
function numericIdOf(id: string): string {
  const trimmed = id.trim();
  if (/^\d+$/.test(trimmed)) return trimmed;
  let key: string | null = null;
  try {
    const global = fromGlobalId(trimmed);
    if (global.typename === 'GitLabProject') key = global.key;
  } catch {
    // reported below
  }
  if (key === null || !/^\d+$/.test(key)) {
    throw badUserInput('projectId must be a numeric GitLab project id or a GitLabProject id', [{ field: 'projectId', message: 'not a project id' }]);
  }
  return key;
}

/**
 * Checks with the subscriber's GitLab credential that it can read the
 * project (`GET /projects/:id`; 404/401 surface as NOT_FOUND/UNAUTHENTICATED),
 * and filters events to projects that credential can read, checking each
 * project again after a while. Without a project, every event's project is
 * checked the same way.
 */
export async function gitLabScope(context: LiveContext, args: GitLabScopeArgs): Promise<(event: GitLabPipelineEvent) => Promise<boolean>> {
  const given = (['projectId', 'projectPath'] as const).filter((name) => args[name] !== undefined && args[name] !== null);
  if (given.length > 1) throw badUserInput('Give at most one of projectId or projectPath', [{ message: 'got both' }]);
  // Loaders are renewed per event; each check goes through the current ones.
  const access = readableCache((id) => context.loaders.gitlab.project.load(id));
  const ref = args.projectId !== undefined && args.projectId !== null ? numericIdOf(args.projectId) : args.projectPath;
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
