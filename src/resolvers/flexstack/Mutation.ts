import type { MutationResolvers } from '../../generated/graphql.js';
import { toGlobalId } from '../../relay/globalId.js';
import { childKey } from '../../upstreams/flexstack/loaders.js';
import { integrationTypename } from './FlexStackNotificationIntegration.js';
import { assertIcon, assertId, assertMemberIds, assertName, assertNameKept, assertWebhookConfig, assertWebhookType, flagsOf } from './validation.js';

/** The FlexStack `Mutation` fields. */
export const Mutation: MutationResolvers = {
  flexstackCreateProject: (_root, { input }, { loaders }) => {
    assertName(input.name, 'input.name');
    assertIcon(input.icon, 'input.icon');
    return loaders.flexstack.createProject({
      name: input.name,
      ...(input.description != null ? { description: input.description } : {}),
      ...(input.icon != null ? { icon: input.icon } : {}),
    });
  },
  flexstackUpdateProject: (_root, { input }, { loaders }) => {
    assertId(input.id, 'input.id');
    assertNameKept(input.name, 'input.name');
    assertName(input.name, 'input.name');
    assertIcon(input.icon, 'input.icon');
    if (input.defaultEnvironmentId != null) assertId(input.defaultEnvironmentId, 'input.defaultEnvironmentId');
    return loaders.flexstack.updateProject(input.id, {
      name: input.name,
      description: input.description,
      icon: input.icon,
      defaultEnvironmentId: input.defaultEnvironmentId,
    });
  },
  flexstackDeleteProject: async (_root, { input }, { loaders }) => {
    assertId(input.id, 'input.id');
    await loaders.flexstack.deleteProject(input.id);
    return { deletedId: toGlobalId('FlexStackProject', input.id) };
  },
  flexstackDisconnectProject: (_root, { input }, { loaders }) => {
    assertId(input.id, 'input.id');
    return loaders.flexstack.disconnectProject(input.id);
  },
  flexstackAddProjectMembers: async (_root, { input }, { loaders }) => {
    assertId(input.projectId, 'input.projectId');
    assertMemberIds(input.memberIds, 'input.memberIds');
    return { members: await loaders.flexstack.addMembers(input.projectId, input.memberIds) };
  },
  flexstackUpdateProjectMember: (_root, { input }, { loaders }) => {
    assertId(input.projectId, 'input.projectId');
    assertId(input.memberId, 'input.memberId');
    return loaders.flexstack.updateMember(input.projectId, input.memberId, input.role.toLowerCase());
  },
  flexstackRemoveProjectMember: async (_root, { input }, { loaders }) => {
    assertId(input.projectId, 'input.projectId');
    assertId(input.memberId, 'input.memberId');
    await loaders.flexstack.removeMember(input.projectId, input.memberId);
    return { deletedId: toGlobalId('FlexStackMember', childKey(input.projectId, input.memberId)) };
  },
  flexstackCreateNotificationIntegration: (_root, { input }, { loaders }) => {
    assertId(input.projectId, 'input.projectId');
    assertWebhookType(input.type, 'input.type');
    const config = assertWebhookConfig(input.config, 'input.config');
    const notifications = flagsOf(input.notifications);
    return loaders.flexstack.createIntegration(input.projectId, {
      type: 'webhook',
      config,
      ...(input.notifications != null ? { notifications } : {}),
    });
  },
  flexstackUpdateNotificationIntegration: (_root, { input }, { loaders }) => {
    assertId(input.projectId, 'input.projectId');
    assertId(input.integrationId, 'input.integrationId');
    return loaders.flexstack.updateIntegration(input.projectId, input.integrationId, flagsOf(input.notifications));
  },
  flexstackDeleteNotificationIntegration: async (_root, { input }, { loaders }) => {
    assertId(input.projectId, 'input.projectId');
    assertId(input.integrationId, 'input.integrationId');
    await loaders.flexstack.deleteIntegration(input.projectId, input.integrationId);
    return { deletedId: toGlobalId(integrationTypename, childKey(input.projectId, input.integrationId)) };
  },
};
