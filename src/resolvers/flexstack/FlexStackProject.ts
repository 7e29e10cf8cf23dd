import type { FlexStackProjectResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import type { FlexStackProjectModel } from '../../upstreams/flexstack/models.js';

/** Resolvers of `FlexStackProject`. */
export const FlexStackProject: FlexStackProjectResolvers = {
  id: globalIdOf<FlexStackProjectModel>('FlexStackProject', (project) => project.id),
  service: () => 'FLEXSTACK',
  fullName: (project) => `${project.orgId}/${project.name}`,
  url: () => null,
  projectId: (project) => project.id,
  members: (project, { role, ...args }, { loaders }) => loaders.flexstack.members(project.id, args, role?.toLowerCase()),
  notificationIntegrations: (project, args, { loaders }) => loaders.flexstack.integrations(project.id, args),
  webhooks: (project, args, { loaders }) => loaders.flexstack.webhookIntegrations(project.id, args),
  deployments: (project, args, { loaders }) => loaders.flexstack.deployments(project.id, args),
  latestPipeline: (project, _args, { loaders }) => loaders.flexstack.latestDeployment(project.id),
};
