import { badUserInput } from '../../errors/GatewayError.js';
import { globalKeyOf } from '../../relay/globalId.js';
import type { CircleCiScopeArgs } from '../../subscriptions/circleci/CircleCiScope.js';
import { normalizeSlug } from '../../subscriptions/circleci/status.js';
import type { GitLabScopeArgs } from '../../subscriptions/gitlab/GitLabScope.js';

/** A CircleCI status subscription's scope: exactly one of a pipeline, a project or an organization `<vcs>/<org>`. */
export function assertCircleCiScopeArgs<T extends CircleCiScopeArgs>(args: T): T {
  const given = (['pipelineId', 'projectSlug', 'orgSlug'] as const).filter((name) => args[name] !== undefined && args[name] !== null);
  if (given.length !== 1) {
    throw badUserInput('Give exactly one of pipelineId, projectSlug or orgSlug', [{ message: `got ${given.length === 0 ? 'none' : given.join(', ')}` }]);
  }
  if (args.orgSlug != null && !/^[^/]+\/[^/]+$/.test(normalizeSlug(args.orgSlug))) {
    throw badUserInput('orgSlug is `<vcs>/<org>`, e.g. `gh/acme`', [{ field: 'orgSlug', message: 'expected two parts' }]);
  }
  return args;
}

/** A numeric project id, from itself or from a GitLabProject global id. */
function assertNumericProjectId(id: string): string {
  const trimmed = id.trim();
  if (/^\d+$/.test(trimmed)) return trimmed;
  const key = globalKeyOf(trimmed, 'GitLabProject');
  if (key === null || !/^\d+$/.test(key)) {
    throw badUserInput('projectId must be a numeric GitLab project id or a GitLabProject id', [{ field: 'projectId', message: 'not a project id' }]);
  }
  return key;
}

/** A GitLab pipeline subscription's scope: at most one of a project id (numeric or global; returned numeric) and a project path. */
export function assertGitLabScopeArgs(args: GitLabScopeArgs): GitLabScopeArgs {
  const given = (['projectId', 'projectPath'] as const).filter((name) => args[name] !== undefined && args[name] !== null);
  if (given.length > 1) throw badUserInput('Give at most one of projectId or projectPath', [{ message: 'got both' }]);
  return args.projectId != null ? { projectId: assertNumericProjectId(args.projectId) } : args;
}
