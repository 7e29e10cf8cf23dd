import type { ConcordProcessResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import type { ConcordProcessModel } from '../../upstreams/concord/models.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { concordRunState } from '../../upstreams/runState.js';

/** Resolvers of `ConcordProcess`. */
export const ConcordProcess: ConcordProcessResolvers = {
  id: globalIdOf<ConcordProcessModel>('ConcordProcess', (process) => process.instanceId),
  service: () => 'CONCORD',
  number: () => null,
  runState: (process) => concordRunState(process.status),
  project: (process, _args, { loaders }) =>
    // A process started from an archive belongs to no project.
    process.orgName === null || process.projectName === null ? null : loadOrNull(loaders.concord.project, { org: process.orgName, name: process.projectName }),
};
