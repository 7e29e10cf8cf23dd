import type { GitLabPipelineResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import type { GatewayContext } from '../../context/GatewayContext.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { GitLabCiStatus, GitLabPipelineModel } from '../../upstreams/gitlab/models.js';
import { gitLabRunState } from '../../upstreams/runState.js';
import { childKeyOf } from './projectRef.js';

/** The pipeline read whole: itself when it was, else through the by-id loader (one read per pipeline, however many fields ask). */
async function whole(pipeline: GitLabPipelineModel, { loaders }: GatewayContext): Promise<GitLabPipelineModel> {
  if (pipeline.detailed) return pipeline;
  return loaders.gitlab.ci.pipeline.load({ project: String(pipeline.projectId), id: pipeline.id });
}

/** A field GitLab's lists leave out, read with the whole pipeline when the pipeline came from a list. */
function detail<K extends keyof GitLabPipelineModel>(field: K) {
  return async (pipeline: GitLabPipelineModel, _args: unknown, context: GatewayContext): Promise<GitLabPipelineModel[K]> => (await whole(pipeline, context))[field];
}

/** Resolvers of `GitLabPipeline`. */
export const GitLabPipeline: GitLabPipelineResolvers = {
  id: globalIdOf<GitLabPipelineModel>('GitLabPipeline', (pipeline) => childKeyOf(pipeline.projectId, pipeline.id)),
  service: () => 'GITLAB',
  pipelineId: (pipeline) => pipeline.id,
  number: (pipeline) => pipeline.iid,
  runState: (pipeline) => gitLabRunState(pipeline.status),
  url: (pipeline) => pipeline.webUrl,
  tag: detail('tag'),
  beforeSha: detail('beforeSha'),
  yamlErrors: detail('yamlErrors'),
  userName: detail('userName'),
  startedAt: detail('startedAt'),
  finishedAt: detail('finishedAt'),
  duration: detail('duration'),
  queuedDuration: detail('queuedDuration'),
  coverage: detail('coverage'),
  project: (pipeline, _args, { loaders }) => loadOrNull(loaders.gitlab.project, String(pipeline.projectId)),
  jobs: (pipeline, { scope, ...args }, { loaders }) =>
    loaders.gitlab.ci.jobs(pipeline.projectId, pipeline.id, { ...args, scope: scope?.map((status) => status.toLowerCase() as GitLabCiStatus) }),
};
