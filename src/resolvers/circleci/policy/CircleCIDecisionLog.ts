import type { CircleCiDecisionLogResolvers } from '../../../generated/graphql.js';
import { globalIdOf } from '../../../relay/globalId.js';
import type { CircleCiDecisionLogModel } from '../../../upstreams/circleci/policy/models.js';

/** Resolvers of `CircleCIDecisionLog`. */
export const CircleCIDecisionLog: CircleCiDecisionLogResolvers = {
  id: globalIdOf<CircleCiDecisionLogModel>('CircleCIDecisionLog', (log) => `${log.ownerId}/${log.context}/${log.id}`),
  decisionId: (log) => log.id,
  policyBundle: (log, _args, { loaders }) => loaders.circleci.policy.decisionLogBundle(log, log.id),
};
