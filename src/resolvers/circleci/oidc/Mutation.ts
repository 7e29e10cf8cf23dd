import type { MutationResolvers } from '../../../generated/graphql.js';
import { assertUuid } from '../shared/validation.js';
import { assertClaimNames, assertClaimsPatch } from './validation.js';

/** The CircleCI `Mutation` fields. */
export const Mutation: MutationResolvers = {
  circleciPatchOrgClaims: (_root, { input }, { loaders }) => loaders.circleci.oidc.patch(assertUuid(input.orgId, 'orgId'), null, assertClaimsPatch(input)),
  circleciDeleteOrgClaims: (_root, { input }, { loaders }) => loaders.circleci.oidc.delete(assertUuid(input.orgId, 'orgId'), null, assertClaimNames(input.claims)),
  circleciPatchProjectClaims: (_root, { input }, { loaders }) =>
    loaders.circleci.oidc.patch(assertUuid(input.orgId, 'orgId'), assertUuid(input.projectId, 'projectId'), assertClaimsPatch(input)),
  circleciDeleteProjectClaims: (_root, { input }, { loaders }) =>
    loaders.circleci.oidc.delete(assertUuid(input.orgId, 'orgId'), assertUuid(input.projectId, 'projectId'), assertClaimNames(input.claims)),
};
