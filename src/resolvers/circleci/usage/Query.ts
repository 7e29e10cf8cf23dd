import type { QueryResolvers } from '../../../generated/graphql.js';
import { GatewayError } from '../../../errors/GatewayError.js';
import type { Loaders } from '../../../upstreams/Loaders.js';
import type { CircleCiUsageExportModel } from '../../../upstreams/circleci/usage/models.js';
import { assertUuid } from '../shared/validation.js';

/** A usage export job, or null when CircleCI does not know it. */
export async function usageExportOrNull(loaders: Loaders, orgId: string, jobId: string): Promise<CircleCiUsageExportModel | null> {
  try {
    return await loaders.circleci.usage.usageExport(orgId, jobId);
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** The CircleCI `Query` fields. */
export const Query: QueryResolvers = {
  circleciUsageExport: (_root, { orgId, jobId }, { loaders }) => usageExportOrNull(loaders, assertUuid(orgId, 'orgId'), assertUuid(jobId, 'jobId')),
};
