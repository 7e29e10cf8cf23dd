import type { Resolvers } from '../../../generated/graphql.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

/** OIDC token custom claims. */
export const circleCiOidcResolvers: Resolvers = { Query, Mutation };
