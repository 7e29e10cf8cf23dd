import type { MutationResolvers } from '../../../generated/graphql.js';
import { assertNativeUuid, assertText, assertUuid } from '../shared/validation.js';
import { assertContextEnvVarName, assertOwnerRef, assertRestrictionType } from './validation.js';

const contextIdOf = (value: string): string => assertNativeUuid(value, 'CircleCIContext', 'contextId');

/** The CircleCI `Mutation` fields. */
export const Mutation: MutationResolvers = {
  circleciCreateContext: (_root, { input }, { loaders }) => {
    const name = assertText(input.name, 'name', 512);
    return loaders.circleci.contexts.create(name, assertOwnerRef(input));
  },
  circleciDeleteContext: async (_root, { input }, { loaders }) => {
    const contextId = contextIdOf(input.contextId);
    const message = await loaders.circleci.contexts.delete(contextId);
    return { deletedContextId: contextId, message };
  },
  circleciSetContextEnvVar: (_root, { input }, { loaders }) =>
    loaders.circleci.contexts.setEnvironmentVariable(contextIdOf(input.contextId), assertContextEnvVarName(input.name), input.value),
  circleciDeleteContextEnvVar: async (_root, { input }, { loaders }) => {
    const contextId = contextIdOf(input.contextId);
    const name = assertContextEnvVarName(input.name);
    const message = await loaders.circleci.contexts.deleteEnvironmentVariable(contextId, name);
    return { contextId, name, message };
  },
  circleciCreateContextRestriction: (_root, { input }, { loaders }) => {
    const contextId = contextIdOf(input.contextId);
    const type = assertRestrictionType(input.restrictionType);
    const value =
      type === 'PROJECT' ? assertUuid(input.restrictionValue, 'restrictionValue') : assertText(input.restrictionValue, 'restrictionValue', 1000);
    return loaders.circleci.contexts.createRestriction(contextId, type === 'PROJECT' ? 'project' : 'expression', value);
  },
  circleciDeleteContextRestriction: async (_root, { input }, { loaders }) => {
    const contextId = contextIdOf(input.contextId);
    const restrictionId = assertNativeUuid(input.restrictionId, 'CircleCIContextRestriction', 'restrictionId');
    const message = await loaders.circleci.contexts.deleteRestriction(contextId, restrictionId);
    return { contextId, deletedRestrictionId: restrictionId, message };
  },
};
