import type { QueryResolvers } from '../../../generated/graphql.js';
import { loadOrNull } from '../../../upstreams/loaderUtils.js';
import { assertNativeUuid } from '../shared/validation.js';
import { assertOwnerRef } from './validation.js';

/** The CircleCI `Query` fields. */
export const Query: QueryResolvers = {
  circleciContexts: (_root, args, { loaders }) => loaders.circleci.contexts.contextsOf(assertOwnerRef(args), args),
  circleciContext: (_root, { id }, { loaders }) => loadOrNull(loaders.circleci.contexts.context, assertNativeUuid(id, 'CircleCIContext', 'id')),
};
