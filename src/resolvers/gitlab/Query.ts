import type { QueryResolvers } from '../../generated/graphql.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { projectRefOf } from '../../upstreams/gitlab/ids.js';

/** The GitLab `Query` fields. */
export const Query: QueryResolvers = {
  gitlabProjects: (_root, args, { loaders }) => loaders.gitlab.projects(args),
  gitlabProject: (_root, { idOrPath }, { loaders }) => loadOrNull(loaders.gitlab.project, projectRefOf(idOrPath)),
};
