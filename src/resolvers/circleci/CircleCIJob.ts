import type { CircleCiJobResolvers } from '../../generated/graphql.js';
import { connectionFromList } from '../../relay/connection.js';
import { globalIdOf } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { CircleCiJobModel } from '../../upstreams/circleci/modelsJobs.js';

/** Resolvers of `CircleCIJob`. */
export const CircleCIJob: CircleCiJobResolvers = {
  id: globalIdOf<CircleCiJobModel>('CircleCIJob', (job) => `${job.workflowId}/${job.id}`),
  service: () => 'CIRCLECI',
  jobId: (job) => job.id,
  dependencyIds: (job) => job.dependencies,
  approvedBy: (job, _args, { loaders }) => (job.approvedBy === null ? null : loadOrNull(loaders.circleci.user, job.approvedBy)),
  canceledBy: (job, _args, { loaders }) => (job.canceledBy === null ? null : loadOrNull(loaders.circleci.user, job.canceledBy)),
  workflow: (job, _args, { loaders }) => loadOrNull(loaders.circleci.workflow, job.workflowId),
  details: (job, _args, { loaders }) =>
    job.jobNumber === null ? null : loadOrNull(loaders.circleci.jobDetails, { projectSlug: job.projectSlug, number: job.jobNumber }),
  artifacts: (job, args, { loaders }) =>
    job.jobNumber === null ? connectionFromList(args, []) : loaders.circleci.artifactsOfJob({ projectSlug: job.projectSlug, number: job.jobNumber }, args),
  tests: (job, args, { loaders }) =>
    job.jobNumber === null ? connectionFromList(args, []) : loaders.circleci.testsOfJob({ projectSlug: job.projectSlug, number: job.jobNumber }, args),
};
