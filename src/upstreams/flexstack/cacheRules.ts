import type { CacheRulesOf } from '../../cache/rules.js';
import type { flexStackOperations } from './operations.js';

/** What each FlexStack read is, and what each write makes stale beyond its own path. */
export const flexStackCacheRules = {
  listProjects: { kind: 'list' },
  listOrgProjects: { kind: 'list' },
  getProject: { kind: 'object' },
  listMembers: { kind: 'list' },
  getMember: { kind: 'object' },
  listIntegrations: { kind: 'settings' },
  getIntegration: { kind: 'settings' },
  // Fresh briefly while one is in progress, long once every one has finished (rules.ts: finishedStates).
  listDeployments: { kind: 'runs' },
  getDeployment: { kind: 'run' },
  // Projects are also listed per organisation, which their path does not name.
  createProject: [{ route: 'listOrgProjects' }],
  updateProject: [{ route: 'listOrgProjects' }],
  deleteProject: [{ route: 'listOrgProjects' }],
  disconnectProject: [{ route: 'listOrgProjects' }],
  addMembers: [],
  updateMember: [],
  removeMember: [],
  createIntegration: [],
  updateIntegration: [],
  deleteIntegration: [],
} as const satisfies CacheRulesOf<typeof flexStackOperations>;
