import type { Resolvers } from '../../../generated/graphql.js';
import { CircleCIContext } from './CircleCIContext.js';
import { CircleCIContextRestriction } from './CircleCIContextRestriction.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

/** Contexts, their environment variables and restrictions. */
export const circleCiContextResolvers: Resolvers = { Query, Mutation, CircleCIContext, CircleCIContextRestriction };
