import type { QueryResolvers } from '../../generated/graphql.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { assertId, sortOf } from './validation.js';

/** The FlexStack `Query` fields. */
export const Query: QueryResolvers = {
  flexstackProjects: (_root, { orgId, sort, ...args }, { loaders }) => {
    if (orgId != null) assertId(orgId, 'orgId');
    return loaders.flexstack.projects(args, { orgId, sort: sortOf(sort) });
  },
  flexstackProject: (_root, { id }, { loaders }) => {
    assertId(id, 'id');
    return loadOrNull(loaders.flexstack.project, id);
  },
  flexstackProjectMember: (_root, { projectId, memberId }, { loaders }) => {
    assertId(projectId, 'projectId');
    assertId(memberId, 'memberId');
    return loadOrNull(loaders.flexstack.member, { projectId, id: memberId });
  },
  flexstackDeployment: (_root, { id }, { loaders }) => {
    assertId(id, 'id');
    return loadOrNull(loaders.flexstack.deployment, id);
  },
  flexstackNotificationIntegration: (_root, { projectId, integrationId }, { loaders }) => {
    assertId(projectId, 'projectId');
    assertId(integrationId, 'integrationId');
    return loadOrNull(loaders.flexstack.integration, { projectId, id: integrationId });
  },
};
