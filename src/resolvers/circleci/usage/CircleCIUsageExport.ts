import type { CircleCiUsageExportResolvers } from '../../../generated/graphql.js';
import { globalIdOf } from '../../../relay/globalId.js';
import type { CircleCiUsageExportModel } from '../../../upstreams/circleci/usage/models.js';

/** Resolvers of `CircleCIUsageExport`. */
export const CircleCIUsageExport: CircleCiUsageExportResolvers = {
  id: globalIdOf<CircleCiUsageExportModel>('CircleCIUsageExport', (job) => `${job.orgId}/${job.id}`),
  jobId: (job) => job.id,
};
