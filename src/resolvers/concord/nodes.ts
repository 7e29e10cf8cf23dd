import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { parseProjectKey } from '../../upstreams/concord/loaders.js';
import type { NodeFetchers } from '../node/NodeFetchers.js';
import { isUuid } from './validation.js';

/** How `node(id:)` fetches each Concord type from its global id's key. */
export const concordNodes: NodeFetchers = {
  ConcordProject: async (key, { loaders }) => {
    const project = parseProjectKey(key);
    return project === null ? null : loadOrNull(loaders.concord.project, project);
  },
  ConcordProcess: async (key, { loaders }) => (isUuid(key) ? loadOrNull(loaders.concord.process, key) : null),
  ConcordTeamAccess: async (key, { loaders }) => {
    const slash = key.lastIndexOf('/');
    const project = parseProjectKey(key.slice(0, Math.max(slash, 0)));
    if (project === null) return null;
    return loaders.concord.teamAccessOf(project.org, project.name, key.slice(slash + 1));
  },
};
