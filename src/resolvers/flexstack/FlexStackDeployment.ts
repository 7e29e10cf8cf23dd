import type { FlexStackDeploymentResolvers } from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import type { FlexStackDeploymentModel } from '../../upstreams/flexstack/models.js';
import { flexStackRunState } from '../../upstreams/runState.js';

/** Resolvers of `FlexStackDeployment`. */
export const FlexStackDeployment: FlexStackDeploymentResolvers = {
  id: globalIdOf<FlexStackDeploymentModel>('FlexStackDeployment', (deployment) => deployment.id),
  service: () => 'FLEXSTACK',
  deploymentId: (deployment) => deployment.id,
  number: () => null,
  status: (deployment) => deployment.rawStatus,
  runState: (deployment) => flexStackRunState(deployment.state),
  project: (deployment, _args, { loaders }) => loadOrNull(loaders.flexstack.project, deployment.projectId),
};
