import type { Resolvers } from '../../generated/graphql.js';
import { CircleCIPipeline } from './CircleCIPipeline.js';
import { CircleCIProject } from './CircleCIProject.js';
import { CircleCIWorkflow } from './CircleCIWorkflow.js';
import { Query } from './Query.js';

/** Every CircleCI resolver. */
export const circleCiResolvers: Resolvers = {
  Query,
  CircleCIProject,
  CircleCIPipeline,
  CircleCIWorkflow,
};
