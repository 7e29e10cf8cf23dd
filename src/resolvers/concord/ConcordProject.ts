import type { ConcordProjectResolvers } from '../../generated/graphql.js';
import { emptyConnection } from '../../relay/emptyConnection.js';
import { globalIdOf } from '../../relay/globalId.js';
import { projectKey } from '../../upstreams/concord/loaders.js';
import type { ConcordProjectModel } from '../../upstreams/concord/models.js';

/** Resolvers of `ConcordProject`. */
export const ConcordProject: ConcordProjectResolvers = {
  id: globalIdOf<ConcordProjectModel>('ConcordProject', (project) => projectKey(project.orgName, project.name)),
  service: () => 'CONCORD',
  fullName: (project) => projectKey(project.orgName, project.name),
  url: () => null,
  projectId: (project) => project.id,
  cfg: (project, { path }, { loaders }) => loaders.concord.configuration(project.orgName, project.name, path),
  teamAccess: (project, args, { loaders }) => loaders.concord.teamAccess(project.orgName, project.name, args),
  members: (project, args, { loaders }) => loaders.concord.teamAccess(project.orgName, project.name, args),
  webhooks: (_project, args) => emptyConnection(args),
  processes: (project, args, { loaders }) => loaders.concord.processes(project.orgName, project.name, args),
  latestPipeline: (project, _args, { loaders }) => loaders.concord.latestProcess(project.orgName, project.name),
};
