import type { Resolvers } from '../../generated/graphql.js';
import { Query } from './Query.js';

/** The cross-service project list. */
export const projectResolvers: Resolvers = { Query };
