import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { isFlexStackId } from '../../upstreams/flexstack/ids.js';
import type { FlexStackChildKey } from '../../upstreams/flexstack/loaders.js';
import type { NodeFetchers } from '../node/NodeFetchers.js';
import { integrationTypename } from './FlexStackNotificationIntegration.js';

/** The project and own id in a member's or integration's global-id key (`projectId/id`, see childKey); null when it holds no FlexStack ids. */
function childOf(key: string): FlexStackChildKey | null {
  const [projectId, id, ...rest] = key.split('/');
  return projectId !== undefined && id !== undefined && rest.length === 0 && isFlexStackId(projectId) && isFlexStackId(id) ? { projectId, id } : null;
}

/** How `node(id:)` fetches each FlexStack type from its global id's key. */
export const flexStackNodes: NodeFetchers = {
  FlexStackProject: async (key, { loaders }) => (isFlexStackId(key) ? loadOrNull(loaders.flexstack.project, key) : null),
  FlexStackMember: async (key, { loaders }) => {
    const child = childOf(key);
    return child === null ? null : loadOrNull(loaders.flexstack.member, child);
  },
  FlexStackDeployment: async (key, { loaders }) => (isFlexStackId(key) ? loadOrNull(loaders.flexstack.deployment, key) : null),
  [integrationTypename]: async (key, { loaders }) => {
    const child = childOf(key);
    return child === null ? null : loadOrNull(loaders.flexstack.integration, child);
  },
};
