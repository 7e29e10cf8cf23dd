import type { GitLabNamespaceResolvers } from '../../generated/graphql.js';

/** Resolvers of `GitLabNamespace`. */
export const GitLabNamespace: GitLabNamespaceResolvers = {
  namespaceId: (namespace) => namespace.id,
};
