import type { CircleCiJobStatusChangeResolvers } from '../../generated/graphql.js';

export const CircleCIJobStatusChange: CircleCiJobStatusChangeResolvers = {
  jobStatusEvent: ({ job }) => ({
    __typename: 'CircleCIJobStatusEvent',
    id: job.id,
    name: job.name,
    number: job.jobNumber,
    status: job.rawStatus,
    startedAt: job.startedAt,
    stoppedAt: job.stoppedAt,
  }),
};
