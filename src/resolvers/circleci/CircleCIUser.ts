import type { CircleCiCollaborationResolvers, CircleCiUserResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import type { CircleCiUserModel } from '../../upstreams/circleci/modelsProject.js';

export const CircleCIUser: CircleCiUserResolvers = {
  id: globalIdOf<CircleCiUserModel>('CircleCIUser', (user) => user.id),
  service: () => 'CIRCLECI',
  userId: (user) => user.id,
};

export const CircleCICollaboration: CircleCiCollaborationResolvers = {
  organizationId: (collaboration) => collaboration.id,
};
