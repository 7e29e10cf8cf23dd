import type { MutationResolvers } from '../../../generated/graphql.js';
import { requireText } from '../shared/validate.js';
import { metadataObject, policyMap, policyScope } from './validate.js';

/** The CircleCI `Mutation` fields. */
export const Mutation: MutationResolvers = {
  circleciMakeDecision: (_root, { input }, { loaders }) =>
    loaders.circleci.policy.decide(policyScope(input), requireText(input.input, 'input', 1_000_000), metadataObject(input.metadata)),
  circleciSetDecisionSettings: (_root, { input }, { loaders }) => loaders.circleci.policy.setSettings(policyScope(input), input.enabled),
  circleciCreatePolicyBundle: (_root, { input }, { loaders }) =>
    loaders.circleci.policy.createBundle(policyScope(input), policyMap(input.policies), input.dryRun ?? false),
};
