import type { GitLabPipelineStatusChangeResolvers } from '../../generated/graphql.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';

/** The GitLab side of `GitLabPipelineStatusChange`: the pipeline a hook names, as a `GitLabPipeline`. */
export const GitLabPipelineStatusChange: GitLabPipelineStatusChangeResolvers = {
  pipeline: (event, _args, { loaders }) =>
    // Hooks name both by number; anything else names no pipeline this gateway can read.
    /^\d+$/.test(event.projectId) && /^\d+$/.test(event.pipelineId)
      ? loadOrNull(loaders.gitlab.ci.pipeline, { project: event.projectId, id: Number(event.pipelineId) })
      : null,
};
