import type { CacheRulesOf } from '../../cache/rules.js';
import type { concordOperations } from './operations.js';

/** What each Concord read is, and what each write makes stale beyond its own path. */
export const concordCacheRules = {
  findProjects: { kind: 'list' },
  getProject: { kind: 'object' },
  getProjectConfiguration: { kind: 'settings' },
  getProjectConfigurationValue: { kind: 'settings' },
  getProjectAccessLevel: { kind: 'settings' },
  getTeam: { kind: 'object' },
  // Fresh briefly while one runs, long once finished (rules.ts: finishedStates).
  listProcesses: { kind: 'runs' },
  getProcess: { kind: 'run' },
  // Keyed by the body's id or name, not the path: it may rename a project, move it to another
  // organization (whose list changes too) or replace its configuration (`cfg`).
  createOrUpdateProject: [
    { route: 'findProjects' },
    { route: 'getProject' },
    { route: 'getProjectConfiguration' },
    { route: 'getProjectConfigurationValue' },
    { route: 'getProjectAccessLevel' },
  ],
  deleteProject: [{ subtree: 'getProject' }],
  updateProjectConfiguration: [{ subtree: 'getProject' }],
  updateProjectConfigurationValue: [{ subtree: 'getProject' }],
  updateProjectAccessLevel: [{ subtree: 'getProject' }],
  updateProjectAccessLevelBulk: [{ subtree: 'getProject' }],
} as const satisfies CacheRulesOf<typeof concordOperations>;
