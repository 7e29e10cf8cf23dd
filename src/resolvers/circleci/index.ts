import type { Resolvers } from '../../generated/graphql.js';
import { CircleCIJob } from './CircleCIJob.js';
import { CircleCIJobDetails } from './CircleCIJobDetails.js';
import { CircleCIPipeline } from './CircleCIPipeline.js';
import { CircleCIProject } from './CircleCIProject.js';
import { CircleCICheckoutKey, CircleCIProjectEnvVar, CircleCIProjectSettings } from './CircleCIProjectResources.js';
import { CircleCISchedule } from './CircleCISchedule.js';
import { CircleCICollaboration, CircleCIUser } from './CircleCIUser.js';
import { CircleCIWorkflow } from './CircleCIWorkflow.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

/** Every CircleCI resolver. */
export const circleCiResolvers: Resolvers = {
  Query,
  Mutation,
  CircleCIProject,
  CircleCIPipeline,
  CircleCIWorkflow,
  CircleCIJob,
  CircleCIJobDetails,
  CircleCISchedule,
  CircleCIUser,
  CircleCICollaboration,
  CircleCIProjectEnvVar,
  CircleCICheckoutKey,
  CircleCIProjectSettings,
};
