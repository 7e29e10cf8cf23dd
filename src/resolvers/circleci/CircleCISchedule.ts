import type { CircleCiScheduleResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { CircleCiScheduleModel } from '../../upstreams/circleci/modelsProject.js';

/** Resolvers of `CircleCISchedule`. */
export const CircleCISchedule: CircleCiScheduleResolvers = {
  id: globalIdOf<CircleCiScheduleModel>('CircleCISchedule', (schedule) => schedule.id),
  service: () => 'CIRCLECI',
  scheduleId: (schedule) => schedule.id,
  project: (schedule, _args, { loaders }) => loadOrNull(loaders.circleci.project, schedule.projectSlug),
};
