import type { Resolvers } from '../../generated/graphql.js';
import { FlexStackDeployment } from './FlexStackDeployment.js';
import { FlexStackDeploymentEvent } from './FlexStackDeploymentEvent.js';
import { FlexStackMember } from './FlexStackMember.js';
import { FlexStackNotificationIntegration, FlexStackSlackIntegration, FlexStackWebhookIntegration } from './FlexStackNotificationIntegration.js';
import { FlexStackProject } from './FlexStackProject.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

/** Every FlexStack resolver. */
export const flexStackResolvers: Resolvers = {
  Query,
  Mutation,
  FlexStackProject,
  FlexStackMember,
  FlexStackNotificationIntegration,
  FlexStackSlackIntegration,
  FlexStackWebhookIntegration,
  FlexStackDeployment,
  FlexStackDeploymentEvent,
};
