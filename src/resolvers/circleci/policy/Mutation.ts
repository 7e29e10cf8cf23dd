import type { MutationResolvers } from '../../../generated/graphql.js';
import { assertText } from '../shared/validation.js';
import { assertMetadataObject, assertPolicyMap, assertPolicyScope } from './validation.js';

/** The CircleCI `Mutation` fields. */
export const Mutation: MutationResolvers = {
  circleciMakeDecision: (_root, { input }, { loaders }) =>
    loaders.circleci.policy.decide(assertPolicyScope(input), assertText(input.input, 'input', 1_000_000), assertMetadataObject(input.metadata)),
  circleciSetDecisionSettings: (_root, { input }, { loaders }) => loaders.circleci.policy.setSettings(assertPolicyScope(input), input.enabled),
  circleciCreatePolicyBundle: (_root, { input }, { loaders }) =>
    loaders.circleci.policy.createBundle(assertPolicyScope(input), assertPolicyMap(input.policies), input.dryRun ?? false),
};
