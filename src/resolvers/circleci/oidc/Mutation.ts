import type { MutationResolvers } from '../../../generated/graphql.js';
import { requireUuid } from '../shared/validate.js';
import { claimNames, claimsPatch } from './validate.js';

/** The CircleCI `Mutation` fields. */
export const Mutation: MutationResolvers = {
  circleciPatchOrgClaims: (_root, { input }, { loaders }) => loaders.circleci.oidc.patch(requireUuid(input.orgId, 'orgId'), null, claimsPatch(input)),
  circleciDeleteOrgClaims: (_root, { input }, { loaders }) => loaders.circleci.oidc.delete(requireUuid(input.orgId, 'orgId'), null, claimNames(input.claims)),
  circleciPatchProjectClaims: (_root, { input }, { loaders }) =>
    loaders.circleci.oidc.patch(requireUuid(input.orgId, 'orgId'), requireUuid(input.projectId, 'projectId'), claimsPatch(input)),
  circleciDeleteProjectClaims: (_root, { input }, { loaders }) =>
    loaders.circleci.oidc.delete(requireUuid(input.orgId, 'orgId'), requireUuid(input.projectId, 'projectId'), claimNames(input.claims)),
};
