import type { CircleCiCollaborationResolvers, CircleCiUserResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import type { CircleCiUserModel } from '../../upstreams/circleci/modelsProject.js';

/** Resolvers of `CircleCIUser`. */
export const CircleCIUser: CircleCiUserResolvers = {
  id: globalIdOf<CircleCiUserModel>('CircleCIUser', (user) => user.id),
  service: () => 'CIRCLECI',
  userId: (user) => user.id,
};

/** Resolvers of `CircleCICollaboration`. */
export const CircleCICollaboration: CircleCiCollaborationResolvers = {
  organizationId: (collaboration) => collaboration.id,
};
