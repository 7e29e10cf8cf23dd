import type { Resolvers } from '../../generated/graphql.js';
import { GitLabJob } from './GitLabJob.js';
import { GitLabMember } from './GitLabMember.js';
import { GitLabNamespace } from './GitLabNamespace.js';
import { GitLabPipeline } from './GitLabPipeline.js';
import { GitLabPipelineStatusChange } from './GitLabPipelineStatusChange.js';
import { GitLabProject } from './GitLabProject.js';
import { GitLabProjectHook } from './GitLabProjectHook.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

/** Every GitLab resolver. */
export const gitLabResolvers: Resolvers = {
  Query,
  Mutation,
  GitLabProject,
  GitLabNamespace,
  GitLabMember,
  GitLabProjectHook,
  GitLabPipeline,
  GitLabJob,
  GitLabPipelineStatusChange,
};
