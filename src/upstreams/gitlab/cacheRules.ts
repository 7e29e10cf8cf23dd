import type { CacheRulesOf } from '../../cache/rules.js';
import type { gitLabOperations } from './operations.js';

/** What each GitLab read is, and what each write makes stale beyond its own path. */
export const gitLabCacheRules = {
  listProjects: { kind: 'list' },
  // Read by numeric id or by URL-encoded path (`acme%2Fapi`): a write naming either purges both.
  getProject: { kind: 'object', aliases: [{ param: 'id', field: 'id' }, { param: 'id', field: 'path_with_namespace' }] },
  listProjectMembers: { kind: 'list' },
  getProjectMember: { kind: 'object' },
  listProjectHooks: { kind: 'settings' },
  getProjectHook: { kind: 'settings' },
  listProjectPipelines: { kind: 'runs' },
  // Which pipeline is latest moves on with every new pipeline of the ref: as fresh as a list.
  getLatestPipeline: { kind: 'list' },
  getPipeline: { kind: 'run' },
  listPipelineJobs: { kind: 'runs' },
  getJob: { kind: 'run' },
  createProject: [],
  // Member and hook writes name the project by numeric id, as their reads do (GitLabLoaders resolves a path first),
  // so they purge that project's member or hook reads only. A new member or hook is read at its own path too,
  // and members also show in `/projects?membership=true`.
  addProjectMember: [{ exact: 'listProjects' }, { subtree: 'listProjectMembers' }],
  editProjectMember: [{ exact: 'listProjects' }, { subtree: 'listProjectMembers' }],
  removeProjectMember: [{ exact: 'listProjects' }, { subtree: 'listProjectMembers' }],
  addProjectHook: [{ subtree: 'listProjectHooks' }],
  editProjectHook: [{ subtree: 'listProjectHooks' }],
  deleteProjectHook: [{ subtree: 'listProjectHooks' }],
} as const satisfies CacheRulesOf<typeof gitLabOperations>;
