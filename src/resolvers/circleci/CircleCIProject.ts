import type { CircleCiProjectResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/nodeField.js';
import type { CircleCiProjectModel } from '../../upstreams/circleci/models.js';

export const CircleCIProject: CircleCiProjectResolvers = {
  id: globalIdOf<CircleCiProjectModel>('CircleCIProject', (project) => project.slug),
  service: () => 'CIRCLECI',
  fullName: (project) => project.slug,
  url: (project) => project.vcsUrl,
  projectId: (project) => project.id,
  pipelines: (project, args, { loaders }) => loaders.circleci.pipelinesOfProject(project.slug, args),
  latestPipeline: async (project, args, { loaders }) => {
    const connection = await loaders.circleci.pipelinesOfProject(project.slug, { first: 1, branch: args.branch ?? null });
    return connection.edges[0]?.node ?? null;
  },
};
