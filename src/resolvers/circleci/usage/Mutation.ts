import type { MutationResolvers } from '../../../generated/graphql.js';
import { requireUuid } from '../shared/validate.js';
import { exportRange, sharedOrgIds } from './validate.js';

/** The CircleCI `Mutation` fields. */
export const Mutation: MutationResolvers = {
  circleciCreateUsageExport: (_root, { input }, { loaders }) => {
    const orgId = requireUuid(input.orgId, 'orgId');
    exportRange(input.start, input.end);
    return loaders.circleci.usage.create(orgId, input.start, input.end, sharedOrgIds(input.sharedOrgIds));
  },
};
