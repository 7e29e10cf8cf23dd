import type { QueryResolvers } from '../../../generated/graphql.js';
import { requireUuid } from '../shared/validate.js';

/** The CircleCI `Query` fields. */
export const Query: QueryResolvers = {
  circleciOrgOidcClaims: (_root, { orgId }, { loaders }) => loaders.circleci.oidc.claims(requireUuid(orgId, 'orgId'), null),
  circleciProjectOidcClaims: (_root, { orgId, projectId }, { loaders }) =>
    loaders.circleci.oidc.claims(requireUuid(orgId, 'orgId'), requireUuid(projectId, 'projectId')),
};
