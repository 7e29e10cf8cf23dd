import type { QueryResolvers } from '../../generated/graphql.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { assertOrgName, assertProjectName, isUuid } from './validation.js';

/** The Concord `Query` fields. */
export const Query: QueryResolvers = {
  concordProjects: (_root, { org, nameContains, ...args }, { loaders }) => {
    assertOrgName(org, 'org');
    return loaders.concord.projects(org, args, nameContains);
  },
  // An id Concord could never have issued is simply not there.
  concordProcess: (_root, { instanceId }, { loaders }) => (isUuid(instanceId) ? loadOrNull(loaders.concord.process, instanceId) : null),
  concordProject: (_root, { org, name }, { loaders }) => {
    assertOrgName(org, 'org');
    assertProjectName(name, 'name');
    return loadOrNull(loaders.concord.project, { org, name });
  },
};
