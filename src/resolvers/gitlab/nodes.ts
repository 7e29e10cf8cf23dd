import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { NodeFetchers } from '../node/NodeFetchers.js';
import { parseChildKey } from './projectRef.js';

/** How `node(id:)` fetches each GitLab type from its global id's key. */
export const gitLabNodes: NodeFetchers = {
  GitLabProject: async (key, { loaders }) => (/^\d+$/.test(key) ? loadOrNull(loaders.gitlab.project, key) : null),
  GitLabMember: async (key, { loaders }) => {
    const child = parseChildKey(key);
    return child === null ? null : loadOrNull(loaders.gitlab.member, child);
  },
  GitLabProjectHook: async (key, { loaders }) => {
    const child = parseChildKey(key);
    return child === null ? null : loadOrNull(loaders.gitlab.hook, child);
  },
  GitLabPipeline: async (key, { loaders }) => {
    const child = parseChildKey(key);
    return child === null ? null : loadOrNull(loaders.gitlab.ci.pipeline, child);
  },
  GitLabJob: async (key, { loaders }) => {
    const child = parseChildKey(key);
    return child === null ? null : loadOrNull(loaders.gitlab.ci.job, child);
  },
};
