import type { GitLabProjectHookResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { hookEventFlags, type GitLabProjectHookModel } from '../../upstreams/gitlab/models.js';
import { childKeyOf } from './projectRef.js';

/** Resolvers of `GitLabProjectHook`. */
export const GitLabProjectHook: GitLabProjectHookResolvers = {
  id: globalIdOf<GitLabProjectHookModel>('GitLabProjectHook', (hook) => childKeyOf(hook.projectId, hook.id)),
  service: () => 'GITLAB',
  hookId: (hook) => hook.id,
  events: (hook) => hookEventFlags.filter((flag) => hook.flags[flag]),
  // GitLab disables a hook (for a while, or until re-enabled) after failed deliveries.
  active: (hook) => hook.alertStatus === null || hook.alertStatus === 'executable',
  pushEvents: (hook) => hook.flags.push_events,
  issuesEvents: (hook) => hook.flags.issues_events,
  confidentialIssuesEvents: (hook) => hook.flags.confidential_issues_events,
  mergeRequestsEvents: (hook) => hook.flags.merge_requests_events,
  tagPushEvents: (hook) => hook.flags.tag_push_events,
  noteEvents: (hook) => hook.flags.note_events,
  confidentialNoteEvents: (hook) => hook.flags.confidential_note_events,
  jobEvents: (hook) => hook.flags.job_events,
  pipelineEvents: (hook) => hook.flags.pipeline_events,
  wikiPageEvents: (hook) => hook.flags.wiki_page_events,
  deploymentEvents: (hook) => hook.flags.deployment_events,
  releasesEvents: (hook) => hook.flags.releases_events,
  project: (hook, _args, { loaders }) => loadOrNull(loaders.gitlab.project, String(hook.projectId)),
};
