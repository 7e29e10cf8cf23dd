import type { MutationResolvers } from '../../generated/graphql.js';
import { toGlobalId } from '../../relay/globalId.js';
import { childKeyOf, numericProjectId } from './projectRef.js';

/** The GitLab `Mutation` fields. */
export const Mutation: MutationResolvers = {
  gitlabCreateProject: (_root, { input }, { loaders }) => loaders.gitlab.createProject(input),
  gitlabAddMember: (_root, { input }, { loaders }) => loaders.gitlab.addMember(input),
  gitlabUpdateMember: (_root, { input }, { loaders }) => loaders.gitlab.updateMember(input),
  gitlabRemoveMember: async (_root, { input }, context) => {
    const project = await context.loaders.gitlab.removeMember(input.projectId, input.userId);
    return { removedMemberId: toGlobalId('GitLabMember', childKeyOf(await numericProjectId(project, context), input.userId)), userId: input.userId };
  },
  gitlabAddProjectHook: (_root, { input }, { loaders }) => loaders.gitlab.addHook(input),
  gitlabUpdateProjectHook: (_root, { input }, { loaders }) => loaders.gitlab.updateHook(input),
  gitlabDeleteProjectHook: async (_root, { input }, context) => {
    const project = await context.loaders.gitlab.deleteHook(input.projectId, input.hookId);
    return { deletedHookId: toGlobalId('GitLabProjectHook', childKeyOf(await numericProjectId(project, context), input.hookId)), hookId: input.hookId };
  },
};
