import type { CircleCiContextRestrictionResolvers } from '../../../generated/graphql.js';
import { globalIdOf } from '../../../relay/globalId.js';
import type { CircleCiContextRestrictionModel } from '../../../upstreams/circleci/contexts/models.js';

/** Resolvers of `CircleCIContextRestriction`. */
export const CircleCIContextRestriction: CircleCiContextRestrictionResolvers = {
  // Restrictions are only listed per context, so the id holds both.
  id: globalIdOf<CircleCiContextRestrictionModel>('CircleCIContextRestriction', (restriction) => `${restriction.contextId}/${restriction.id}`),
  restrictionId: (restriction) => restriction.id,
};
