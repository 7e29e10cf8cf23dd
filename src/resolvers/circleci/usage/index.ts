import type { Resolvers } from '../../../generated/graphql.js';
import type { NodeFetchers } from '../../node/NodeFetchers.js';
import { CircleCIUsageExport } from './CircleCIUsageExport.js';
import { Mutation } from './Mutation.js';
import { Query, usageExportOrNull } from './Query.js';

/** Usage exports. */
export const circleCiUsageResolvers: Resolvers = { Query, Mutation, CircleCIUsageExport };

/** Node fetchers of usage export jobs (key `orgId/jobId`). */
export const usageNodes: NodeFetchers = {
  CircleCIUsageExport: (key, { loaders }) => {
    const [orgId = '', jobId = ''] = key.split('/');
    return usageExportOrNull(loaders, orgId, jobId);
  },
};
