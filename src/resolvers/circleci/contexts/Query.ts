import type { QueryResolvers } from '../../../generated/graphql.js';
import { loadOrNull } from '../../../upstreams/loaderUtils.js';
import { nativeUuid } from '../shared/validate.js';
import { ownerRef } from './validate.js';

/** The CircleCI `Query` fields. */
export const Query: QueryResolvers = {
  circleciContexts: (_root, args, { loaders }) => loaders.circleci.contexts.contextsOf(ownerRef(args), args),
  circleciContext: (_root, { id }, { loaders }) => loadOrNull(loaders.circleci.contexts.context, nativeUuid(id, 'CircleCIContext', 'id')),
};
