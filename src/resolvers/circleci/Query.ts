import type { QueryResolvers } from '../../generated/graphql.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { loadPrefetching } from '../prefetch.js';
import { circleCiProjectByKey } from './CircleCIProject.js';
import { circleCiPipelineByKey } from './CircleCIPipeline.js';
import { circleCiWorkflowByKey } from './CircleCIWorkflow.js';

/** The CircleCI `Query` fields. */
export const Query: QueryResolvers = {
  circleciProject: (_root, { slug }, context, info) =>
    loadPrefetching(() => loadOrNull(context.loaders.circleci.project, slug), { slug }, circleCiProjectByKey, context, info),
  circleciPipeline: (_root, { id }, context, info) =>
    loadPrefetching(() => loadOrNull(context.loaders.circleci.pipeline, id), { id }, circleCiPipelineByKey, context, info),
  circleciPipelines: (_root, args, { loaders }) => loaders.circleci.pipelines(args),
  circleciWorkflow: (_root, { id }, context, info) =>
    loadPrefetching(() => loadOrNull(context.loaders.circleci.workflow, id), { id }, circleCiWorkflowByKey, context, info),
  circleciJob: (_root, { projectSlug, jobNumber }, { loaders }) => loadOrNull(loaders.circleci.jobDetails, { projectSlug, number: jobNumber }),
  circleciSchedule: (_root, { id }, { loaders }) => loadOrNull(loaders.circleci.schedule, id),
  circleciMe: (_root, _args, { loaders }) => loaders.circleci.me(),
  circleciUser: (_root, { id }, { loaders }) => loadOrNull(loaders.circleci.user, id),
  circleciCollaborations: (_root, args, { loaders }) => loaders.circleci.collaborations(args),
};
