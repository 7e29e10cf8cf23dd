import type { GitLabMemberResolvers } from '../../generated/graphql.js';
import { toGlobalId } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { accessLevelLabels } from '../../upstreams/gitlab/models.js';
import { childKeyOf, numericProjectId } from './projectRef.js';

/** Resolvers of `GitLabMember`. */
export const GitLabMember: GitLabMemberResolvers = {
  id: async (member, _args, context) => toGlobalId('GitLabMember', childKeyOf(await numericProjectId(member.projectRef, context), member.userId)),
  service: () => 'GITLAB',
  role: (member) => accessLevelLabels[member.accessLevel],
  project: (member, _args, { loaders }) => loadOrNull(loaders.gitlab.project, member.projectRef),
};
