import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { isFlexStackId } from '../../upstreams/flexstack/ids.js';
import { parseChildKey } from '../../upstreams/flexstack/loaders.js';
import type { NodeFetchers } from '../node/NodeFetchers.js';
import { integrationTypename } from './FlexStackNotificationIntegration.js';

const validChild = (key: string): boolean => {
  const parsed = parseChildKey(key);
  return parsed !== null && isFlexStackId(parsed.projectId) && isFlexStackId(parsed.id);
};

/** How `node(id:)` fetches each FlexStack type from its global id's key. */
export const flexStackNodes: NodeFetchers = {
  FlexStackProject: async (key, { loaders }) => (isFlexStackId(key) ? loadOrNull(loaders.flexstack.project, key) : null),
  FlexStackMember: async (key, { loaders }) => (validChild(key) ? loadOrNull(loaders.flexstack.member, key) : null),
  FlexStackDeployment: async (key, { loaders }) => (isFlexStackId(key) ? loadOrNull(loaders.flexstack.deployment, key) : null),
  [integrationTypename]: async (key, { loaders }) => (validChild(key) ? loadOrNull(loaders.flexstack.integration, key) : null),
};
