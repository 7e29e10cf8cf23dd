import type { GitLabProjectResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { GitLabProjectModel } from '../../upstreams/gitlab/models.js';

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
  hook: (project, { hookId }, { loaders }) => loadOrNull(loaders.gitlab.hook, { project: String(project.id), id: hookId }),
};
