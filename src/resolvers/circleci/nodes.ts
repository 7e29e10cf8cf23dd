import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { NodeFetchers } from '../node/NodeFetchers.js';
import { parseProjectItemKey } from './ids.js';

/** How `node(id:)` fetches each CircleCI type from its global id's key. */
export const circleCiNodes: NodeFetchers = {
  CircleCIProject: (key, { loaders }) => loadOrNull(loaders.circleci.project, key),
  CircleCIPipeline: (key, { loaders }) => loadOrNull(loaders.circleci.pipeline, key),
  CircleCIWorkflow: (key, { loaders }) => loadOrNull(loaders.circleci.workflow, key),
  // `<workflow id>/<job id>`: CircleCI reads jobs only through their workflow.
  CircleCIJob: async (key, { loaders }) => {
    const [workflowId = '', jobId = ''] = key.split('/');
    return (await loadOrNull(loaders.circleci.workflowJobs, workflowId))?.find((job) => job.id === jobId) ?? null;
  },
  CircleCISchedule: (key, { loaders }) => loadOrNull(loaders.circleci.schedule, key),
  CircleCIUser: (key, { loaders }) => loadOrNull(loaders.circleci.user, key),
  CircleCIProjectEnvVar: async (key, { loaders }) => {
    const item = parseProjectItemKey(key);
    return item === null ? null : loadOrNull(loaders.circleci.envVar, item);
  },
  CircleCICheckoutKey: async (key, { loaders }) => {
    const item = parseProjectItemKey(key);
    return item === null ? null : loadOrNull(loaders.circleci.checkoutKey, item);
  },
};
