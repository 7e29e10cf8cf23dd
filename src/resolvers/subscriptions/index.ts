import type { Resolvers } from '../../generated/graphql.js';
import { CircleCIJobStatusChange } from './CircleCIJobStatusChange.js';
import { CircleCIPipelineStatusChange } from './CircleCIPipelineStatusChange.js';
import { GitLabPipelineStatusChange } from './GitLabPipelineStatusChange.js';
import { PipelineChange } from './PipelineChange.js';
import { Subscription } from './Subscription.js';

/** Every subscription resolver: the roots and the event types that need more than their fields. */
export const subscriptionResolvers: Resolvers = {
  Subscription,
  CircleCIPipelineStatusChange,
  CircleCIJobStatusChange,
  GitLabPipelineStatusChange,
  PipelineChange,
};
