import type { Resolvers } from '../../../generated/graphql.js';
import { CircleCIWorkflowRun } from './CircleCIWorkflowRun.js';
import { Query } from './Query.js';

/** Insights: workflow, job and test metrics. */
export const circleCiInsightsResolvers: Resolvers = { Query, CircleCIWorkflowRun };
