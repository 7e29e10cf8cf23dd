import type { Resolvers } from '../../../generated/graphql.js';
import type { NodeFetchers } from '../../node/NodeFetchers.js';
import { CircleCIDecisionLog } from './CircleCIDecisionLog.js';
import { Mutation } from './Mutation.js';
import { Query, orNull } from './Query.js';

/** Config policies, decisions and their logs. */
export const circleCiPolicyResolvers: Resolvers = { Query, Mutation, CircleCIDecisionLog };

/** Node fetchers of decision logs (key `ownerId/context/decisionId`). */
export const policyNodes: NodeFetchers = {
  CircleCIDecisionLog: (key, { loaders }) => {
    const [ownerId = '', context = '', decisionId = ''] = key.split('/');
    return orNull(loaders.circleci.policy.decisionLog({ ownerId, context }, decisionId));
  },
};
