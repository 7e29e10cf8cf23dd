import { badUserInput } from '../../errors/GatewayError.js';
import { fromGlobalId, globalKeyOf } from '../../relay/globalId.js';
import { parseProjectKey } from '../../upstreams/concord/loaders.js';
import { concordKeyPattern } from '../../upstreams/concord/names.js';
import { isFlexStackId } from '../../upstreams/flexstack/ids.js';
import type { PipelineService, ProjectRef } from '../../subscriptions/pipelines/ProjectRef.js';
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

/** The project types whose pipelines can be watched, by the service they belong to. */
const projectTypes: Readonly<Record<string, PipelineService>> = {
  CircleCIProject: 'circleci',
  GitLabProject: 'gitlab',
  ConcordProject: 'concord',
  FlexStackProject: 'flexstack',
};

/** Whether a decoded key has the shape its service's project ids have. */
function isProjectKey(service: PipelineService, key: string): boolean {
  switch (service) {
    case 'circleci':
      return /^(gh|github|bb|bitbucket|circleci)\/[^/\s]+\/[^/\s]+$/.test(key);
    case 'gitlab':
      return /^\d{1,18}$/.test(key);
    case 'concord': {
      const name = parseProjectKey(key);
      return name !== null && concordKeyPattern.test(name.org) && concordKeyPattern.test(name.name);
    }
    case 'flexstack':
      return isFlexStackId(key);
  }
}

/**
 * The projects of `pipelinesChanged`: between one and `max` global ids, each
 * of a CircleCI, GitLab, Concord or FlexStack project with a key of its
 * service's shape; BAD_USER_INPUT naming the first that is not, before any
 * upstream call.
 */
export function assertWatchedProjects(ids: readonly string[], max: number): ProjectRef[] {
  if (ids.length === 0) throw badUserInput('Give at least one project id', [{ field: 'projects', message: 'empty' }]);
  if (ids.length > max) {
    throw badUserInput(`pipelinesChanged watches at most ${max} projects (SUBSCRIPTION_MAX_PROJECTS)`, [{ field: 'projects', message: `got ${ids.length}` }]);
  }
  return ids.map((id, index) => {
    const field = `projects[${index}]`;
    const invalid = (message: string) => badUserInput(`"${id.slice(0, 80)}" is not the id of a project with pipelines: ${message}`, [{ field, message }]);
    let decoded;
    try {
      decoded = fromGlobalId(id);
    } catch {
      throw invalid('not a valid node id');
    }
    const service = Object.hasOwn(projectTypes, decoded.typename) ? projectTypes[decoded.typename] : undefined;
    if (service === undefined) {
      throw invalid(`a ${decoded.typename.slice(0, 40)} id, not a CircleCIProject, GitLabProject, ConcordProject or FlexStackProject id`);
    }
    if (!isProjectKey(service, decoded.key)) throw invalid(`not a valid ${decoded.typename} id`);
    return { id, service, key: decoded.key };
  });
}
