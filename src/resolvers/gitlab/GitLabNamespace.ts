import type { GitLabNamespaceResolvers } from '../../generated/graphql.js';

export const GitLabNamespace: GitLabNamespaceResolvers = {
  namespaceId: (namespace) => namespace.id,
};
