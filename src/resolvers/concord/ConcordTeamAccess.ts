import type { ConcordTeamAccessResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { projectKey } from '../../upstreams/concord/loaders.js';
import type { ConcordTeamAccessModel } from '../../upstreams/concord/models.js';

/** The global id key of an access rule: `org/project/teamId`. */
export function teamAccessKey(access: ConcordTeamAccessModel): string {
  return `${projectKey(access.projectOrgName, access.projectName)}/${access.teamId}`;
}

/** Resolvers of `ConcordTeamAccess`. */
export const ConcordTeamAccess: ConcordTeamAccessResolvers = {
  id: globalIdOf<ConcordTeamAccessModel>('ConcordTeamAccess', teamAccessKey),
  service: () => 'CONCORD',
  name: (access) => access.teamName ?? access.teamId,
  role: (access) => access.rawLevel,
  project: (access, _args, { loaders }) => loadOrNull(loaders.concord.project, { org: access.projectOrgName, name: access.projectName }),
};
