import type { GitLabPipelineStatusChangeResolvers } from '../../generated/graphql.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';

/** GitLab writes hook times as `2026-01-01 10:05:00 UTC`; DateTime is ISO-8601. */
function isoOf(time: string): string {
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? time : new Date(ms).toISOString();
}

export const GitLabPipelineStatusChange: GitLabPipelineStatusChangeResolvers = {
  projectId: (event) => Number(event.projectId),
  pipelineId: (event) => Number(event.pipelineId),
  happenedAt: (event) => isoOf(event.happenedAt),
  source: () => 'WEBHOOK',
  project: (event, _args, { loaders }) => loadOrNull(loaders.gitlab.project, event.projectId),
};
