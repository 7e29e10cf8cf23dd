import type { MutationResolvers } from '../../generated/graphql.js';
import { toGlobalId } from '../../relay/globalId.js';
import { childKeyOf, numericProjectId } from './projectRef.js';
import { assertAddHookInput, assertCreateProjectInput, assertMemberInput, assertProjectAndId, assertUpdateHookInput } from './validation.js';

/** The GitLab `Mutation` fields. */
export const Mutation: MutationResolvers = {
  gitlabCreateProject: (_root, { input }, { loaders }) => loaders.gitlab.createProject(assertCreateProjectInput(input)),
  gitlabAddMember: (_root, { input }, { loaders }) => loaders.gitlab.addMember(assertMemberInput(input)),
  gitlabUpdateMember: (_root, { input }, { loaders }) => loaders.gitlab.updateMember(assertMemberInput(input)),
  gitlabRemoveMember: async (_root, { input }, context) => {
    const project = await context.loaders.gitlab.removeMember(assertProjectAndId(input.projectId, input.userId, 'userId'), input.userId);
    return { removedMemberId: toGlobalId('GitLabMember', childKeyOf(await numericProjectId(project, context), input.userId)), userId: input.userId };
  },
  gitlabAddProjectHook: (_root, { input }, { loaders }) => loaders.gitlab.addHook(assertAddHookInput(input)),
  gitlabUpdateProjectHook: (_root, { input }, { loaders }) => loaders.gitlab.updateHook(assertUpdateHookInput(input)),
  gitlabDeleteProjectHook: async (_root, { input }, context) => {
    const project = await context.loaders.gitlab.deleteHook(assertProjectAndId(input.projectId, input.hookId, 'hookId'), input.hookId);
    return { deletedHookId: toGlobalId('GitLabProjectHook', childKeyOf(await numericProjectId(project, context), input.hookId)), hookId: input.hookId };
  },
};
