import type { Resolvers } from '../../generated/graphql.js';
import { ConcordProcess } from './ConcordProcess.js';
import { ConcordProject } from './ConcordProject.js';
import { ConcordProjectPayload } from './ConcordProjectPayload.js';
import { ConcordTeamAccess } from './ConcordTeamAccess.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

/** Every Concord resolver. */
export const concordResolvers: Resolvers = {
  Query,
  Mutation,
  ConcordProject,
  ConcordProcess,
  ConcordProjectPayload,
  ConcordTeamAccess,
};
