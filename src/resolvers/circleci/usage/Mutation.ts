import type { MutationResolvers } from '../../../generated/graphql.js';
import { assertUuid } from '../shared/validation.js';
import { assertExportRange, assertSharedOrgIds } from './validation.js';

/** The CircleCI `Mutation` fields. */
export const Mutation: MutationResolvers = {
  circleciCreateUsageExport: (_root, { input }, { loaders }) => {
    const orgId = assertUuid(input.orgId, 'orgId');
    assertExportRange(input.start, input.end);
    return loaders.circleci.usage.create(orgId, input.start, input.end, assertSharedOrgIds(input.sharedOrgIds));
  },
};
