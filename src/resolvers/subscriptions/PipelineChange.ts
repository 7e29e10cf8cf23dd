import type { PipelineChangeResolvers } from '../../generated/graphql.js';

/** Resolvers of `PipelineChange`: everything is in the event; a CircleCI pipeline's workflows are handed to its loaders, so its `runState` costs no call. */
export const PipelineChange: PipelineChangeResolvers = {
  pipeline: (change, _args, { loaders }) => {
    if (change.pipeline?.__typename === 'CircleCIPipeline' && change.workflows !== undefined) {
      loaders.circleci.primeWorkflowsPage(change.pipeline.id, change.workflows);
    }
    return change.pipeline;
  },
};
