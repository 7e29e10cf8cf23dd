import type { GitLabJobResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { GitLabJobModel } from '../../upstreams/gitlab/models.js';
import { childKeyOf } from './projectRef.js';

/** Resolvers of `GitLabJob`. */
export const GitLabJob: GitLabJobResolvers = {
  id: globalIdOf<GitLabJobModel>('GitLabJob', (job) => childKeyOf(job.projectId, job.id)),
  service: () => 'GITLAB',
  jobId: (job) => job.id,
  url: (job) => job.webUrl,
  pipeline: (job, _args, { loaders }) => (job.pipelineId === null ? null : loadOrNull(loaders.gitlab.ci.pipeline, { project: String(job.projectId), id: job.pipelineId })),
};
