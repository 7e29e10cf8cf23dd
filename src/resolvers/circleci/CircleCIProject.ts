import type { CircleCiProjectResolvers } from '../../generated/graphql.js';
import { emptyConnection } from '../../relay/emptyConnection.js';
import { globalIdOf } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { CircleCiProjectModel } from '../../upstreams/circleci/models.js';
import type { KeyResolversOf } from '../prefetch.js';

/** What a CircleCI project's lists and sub-resources need: its slug. */
export type CircleCiProjectKey = Pick<CircleCiProjectModel, 'slug'>;

/** The `CircleCIProject` fields that need only the slug (started with the project; see loadPrefetching). */
export const circleCiProjectByKey: KeyResolversOf<
  CircleCiProjectResolvers,
  'pipelines' | 'latestPipeline' | 'myPipelines' | 'pipeline' | 'schedules' | 'envVars' | 'envVar' | 'checkoutKeys' | 'checkoutKey' | 'settings',
  CircleCiProjectKey
> = {
  pipelines: (project, args, { loaders }) => loaders.circleci.pipelinesOfProject(project.slug, args),
  latestPipeline: async (project, args, { loaders }) => {
    const connection = await loaders.circleci.pipelinesOfProject(project.slug, { first: 1, branch: args.branch ?? null });
    return connection.edges[0]?.node ?? null;
  },
  myPipelines: (project, args, { loaders }) => loaders.circleci.myPipelinesOfProject(project.slug, args),
  pipeline: (project, { number }, { loaders }) => loadOrNull(loaders.circleci.pipelineByNumber, { projectSlug: project.slug, number }),
  schedules: (project, args, { loaders }) => loaders.circleci.schedulesOfProject(project.slug, args),
  envVars: (project, args, { loaders }) => loaders.circleci.envVarsOfProject(project.slug, args),
  envVar: (project, { name }, { loaders }) => loadOrNull(loaders.circleci.envVar, { projectSlug: project.slug, name }),
  checkoutKeys: (project, args, { loaders }) =>
    loaders.circleci.checkoutKeysOfProject(project.slug, { ...args, digest: args.digest === 'SHA256' ? 'sha256' : args.digest === 'MD5' ? 'md5' : null }),
  checkoutKey: (project, { fingerprint }, { loaders }) => loadOrNull(loaders.circleci.checkoutKey, { projectSlug: project.slug, name: fingerprint }),
  settings: (project, _args, { loaders }) => loadOrNull(loaders.circleci.settings, project.slug),
};

/** Resolvers of `CircleCIProject`. */
export const CircleCIProject: CircleCiProjectResolvers = {
  id: globalIdOf<CircleCiProjectModel>('CircleCIProject', (project) => project.slug),
  service: () => 'CIRCLECI',
  fullName: (project) => project.slug,
  url: (project) => project.vcsUrl,
  projectId: (project) => project.id,
  members: (_project, args) => emptyConnection(args),
  // CircleCI scopes webhooks by the project's UUID, which only the project read gives.
  webhooks: (project, args, { loaders }) => loaders.circleci.webhooks.webhooksOf(project.id, 'project', args),
  ...circleCiProjectByKey,
};
