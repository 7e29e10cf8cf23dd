import type { FlexStackDeploymentEventResolvers } from '../../generated/graphql.js';
import { isFlexStackId } from '../../upstreams/flexstack/ids.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';

/** The FlexStack side of `FlexStackDeploymentEvent`: the deployment it names, as a `FlexStackDeployment`. */
export const FlexStackDeploymentEvent: FlexStackDeploymentEventResolvers = {
  // An id FlexStack could never have issued names no deployment this gateway can read.
  deployment: (event, _args, { loaders }) => (isFlexStackId(event.deploymentId) ? loadOrNull(loaders.flexstack.deployment, event.deploymentId) : null),
};
