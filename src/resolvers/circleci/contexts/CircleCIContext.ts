import type { CircleCiContextResolvers } from '../../../generated/graphql.js';
import { globalIdOf } from '../../../relay/globalId.js';
import type { CircleCiContextModel } from '../../../upstreams/circleci/contexts/models.js';

/** Resolvers of `CircleCIContext`. */
export const CircleCIContext: CircleCiContextResolvers = {
  id: globalIdOf<CircleCiContextModel>('CircleCIContext', (context) => context.id),
  service: () => 'CIRCLECI',
  contextId: (context) => context.id,
  environmentVariables: (context, args, { loaders }) => loaders.circleci.contexts.environmentVariablesOf(context.id, args),
  restrictions: (context, args, { loaders }) => loaders.circleci.contexts.restrictionsOf(context.id, args),
};
