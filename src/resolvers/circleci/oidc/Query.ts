import type { QueryResolvers } from '../../../generated/graphql.js';
import { assertUuid } from '../shared/validation.js';

/** The CircleCI `Query` fields. */
export const Query: QueryResolvers = {
  circleciOrgOidcClaims: (_root, { orgId }, { loaders }) => loaders.circleci.oidc.claims(assertUuid(orgId, 'orgId'), null),
  circleciProjectOidcClaims: (_root, { orgId, projectId }, { loaders }) =>
    loaders.circleci.oidc.claims(assertUuid(orgId, 'orgId'), assertUuid(projectId, 'projectId')),
};
