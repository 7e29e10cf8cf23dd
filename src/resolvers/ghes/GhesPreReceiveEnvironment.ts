import type { GhesPreReceiveEnvironmentResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { GhesPreReceiveEnvironmentModel } from '../../upstreams/ghes/models.js';

/** Resolvers of `GhesPreReceiveEnvironment`. */
export const GhesPreReceiveEnvironment: GhesPreReceiveEnvironmentResolvers = {
  id: globalIdOf<GhesPreReceiveEnvironmentModel>('GhesPreReceiveEnvironment', (environment) => environment.id),
  service: () => 'GHES',
  environmentId: (environment) => environment.id,
  latestDownload: (environment, _args, { loaders }) => loadOrNull(loaders.ghes.downloadStatus, environment.id),
};
