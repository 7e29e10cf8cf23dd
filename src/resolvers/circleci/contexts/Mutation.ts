import type { MutationResolvers } from '../../../generated/graphql.js';
import { badUserInput } from '../../../errors/GatewayError.js';
import { nativeUuid, requireText, requireUuid } from '../shared/validate.js';
import { ownerRef, requireEnvVarName } from './validate.js';

const contextIdOf = (value: string): string => nativeUuid(value, 'CircleCIContext', 'contextId');

/** The CircleCI `Mutation` fields. */
export const Mutation: MutationResolvers = {
  circleciCreateContext: (_root, { input }, { loaders }) => {
    const name = requireText(input.name, 'name', 512);
    return loaders.circleci.contexts.create(name, ownerRef(input));
  },
  circleciDeleteContext: async (_root, { input }, { loaders }) => {
    const contextId = contextIdOf(input.contextId);
    const message = await loaders.circleci.contexts.delete(contextId);
    return { deletedContextId: contextId, message };
  },
  circleciSetContextEnvVar: (_root, { input }, { loaders }) =>
    loaders.circleci.contexts.setEnvironmentVariable(contextIdOf(input.contextId), requireEnvVarName(input.name), input.value),
  circleciDeleteContextEnvVar: async (_root, { input }, { loaders }) => {
    const contextId = contextIdOf(input.contextId);
    const name = requireEnvVarName(input.name);
    const message = await loaders.circleci.contexts.deleteEnvironmentVariable(contextId, name);
    return { contextId, name, message };
  },
  circleciCreateContextRestriction: (_root, { input }, { loaders }) => {
    const contextId = contextIdOf(input.contextId);
    if (input.restrictionType === 'UNKNOWN') throw badUserInput('restrictionType must be PROJECT or EXPRESSION', [{ field: 'restrictionType', message: 'unsupported' }]);
    const value =
      input.restrictionType === 'PROJECT' ? requireUuid(input.restrictionValue, 'restrictionValue') : requireText(input.restrictionValue, 'restrictionValue', 1000);
    return loaders.circleci.contexts.createRestriction(contextId, input.restrictionType === 'PROJECT' ? 'project' : 'expression', value);
  },
  circleciDeleteContextRestriction: async (_root, { input }, { loaders }) => {
    const contextId = contextIdOf(input.contextId);
    const restrictionId = nativeUuid(input.restrictionId, 'CircleCIContextRestriction', 'restrictionId');
    const message = await loaders.circleci.contexts.deleteRestriction(contextId, restrictionId);
    return { contextId, deletedRestrictionId: restrictionId, message };
  },
};
