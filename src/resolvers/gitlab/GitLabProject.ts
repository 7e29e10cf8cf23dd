import type { GitLabProjectResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { GitLabCiStatus, GitLabProjectModel } from '../../upstreams/gitlab/models.js';

/** Resolvers of `GitLabProject`. */
export const GitLabProject: GitLabProjectResolvers = {
  id: globalIdOf<GitLabProjectModel>('GitLabProject', (project) => project.id),
  service: () => 'GITLAB',
  fullName: (project) => project.pathWithNamespace,
  url: (project) => project.webUrl,
  projectId: (project) => project.id,
  members: (project, args, { loaders }) => loaders.gitlab.membersOfProject(String(project.id), args),
  member: (project, { userId }, { loaders }) => loadOrNull(loaders.gitlab.member, { project: String(project.id), id: userId }),
  hooks: (project, args, { loaders }) => loaders.gitlab.hooksOfProject(String(project.id), args),
  webhooks: (project, args, { loaders }) => loaders.gitlab.hooksOfProject(String(project.id), args),
  hook: (project, { hookId }, { loaders }) => loadOrNull(loaders.gitlab.hook, { project: String(project.id), id: hookId }),
  // By numeric id, as pipeline hooks name the project, so that a hook purges these reads.
  pipelines: (project, { status, ...args }, { loaders }) => loaders.gitlab.ci.pipelines(project.id, { ...args, status: status?.toLowerCase() as GitLabCiStatus | undefined }),
  pipeline: (project, { pipelineId }, { loaders }) => loadOrNull(loaders.gitlab.ci.pipeline, { project: String(project.id), id: pipelineId }),
  latestPipeline: (project, { ref }, { loaders }) => loaders.gitlab.ci.latestPipeline(project.id, ref),
};
