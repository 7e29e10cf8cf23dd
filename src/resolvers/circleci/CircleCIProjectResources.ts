import type { CircleCiCheckoutKeyResolvers, CircleCiProjectEnvVarResolvers, CircleCiProjectSettingsResolvers } from '../../generated/graphql.js';
import { toGlobalId } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { projectItemKey } from './ids.js';

/** Resolvers of `CircleCIProjectEnvVar`. */
export const CircleCIProjectEnvVar: CircleCiProjectEnvVarResolvers = {
  id: (envVar) => toGlobalId('CircleCIProjectEnvVar', projectItemKey(envVar.projectSlug, envVar.name)),
  service: () => 'CIRCLECI',
  project: (envVar, _args, { loaders }) => loadOrNull(loaders.circleci.project, envVar.projectSlug),
};

/** Resolvers of `CircleCICheckoutKey`. */
export const CircleCICheckoutKey: CircleCiCheckoutKeyResolvers = {
  id: (key) => toGlobalId('CircleCICheckoutKey', projectItemKey(key.projectSlug, key.fingerprint)),
  service: () => 'CIRCLECI',
  project: (key, _args, { loaders }) => loadOrNull(loaders.circleci.project, key.projectSlug),
};

/** Resolvers of `CircleCIProjectSettings`. */
export const CircleCIProjectSettings: CircleCiProjectSettingsResolvers = {
  project: (settings, _args, { loaders }) => loadOrNull(loaders.circleci.project, settings.projectSlug),
};
