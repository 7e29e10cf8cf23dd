import type { FlexStackMemberResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { childKey } from '../../upstreams/flexstack/loaders.js';
import type { FlexStackMemberModel } from '../../upstreams/flexstack/models.js';

/** Resolvers of `FlexStackMember`. */
export const FlexStackMember: FlexStackMemberResolvers = {
  id: globalIdOf<FlexStackMemberModel>('FlexStackMember', (member) => childKey(member.projectId, member.id)),
  service: () => 'FLEXSTACK',
  name: (member) => member.displayName ?? member.name ?? member.id,
  role: (member) => member.rawRole,
  projectRole: (member) => member.role,
  memberId: (member) => member.id,
  project: (member, _args, { loaders }) => loadOrNull(loaders.flexstack.project, member.projectId),
};
