import type { SubscriptionResolvers } from '../../generated/graphql.js';
import type { GatewayContext } from '../../server/context.js';
import { circleCiScope, type CircleCiScopeArgs } from '../../subscriptions/circleci/CircleCiScope.js';
import type { LiveEvent } from '../../subscriptions/events.js';
import { flexStackScope } from '../../subscriptions/flexstack/FlexStackScope.js';
import { liveContextOf } from '../../subscriptions/LiveContext.js';

type CircleCiKind = 'circleci.pipeline' | 'circleci.workflow' | 'circleci.job';

/** Verifies the scope, watches (polls) a single pipeline, and streams the matching events of one kind. */
async function circleCiStream(kind: CircleCiKind, args: CircleCiScopeArgs, context: GatewayContext): Promise<AsyncIterable<LiveEvent>> {
  const live = liveContextOf(context);
  const scope = await circleCiScope(live, args);
  const token = live.credentials.circleci;
  const unwatch = scope.pipelineId !== undefined && token !== undefined ? live.live.pollers.watch(scope.pipelineId, token) : () => undefined;
  return live.live.stream((event) => event.kind === kind && scope.matches(event), unwatch);
}

/** Each event is resolved with fresh loaders: nothing cached for one event serves the next. */
function fresh<E>(event: E, context: GatewayContext): E {
  liveContextOf(context).renewLoaders();
  return event;
}

/** The `Subscription` fields of this domain. */
export const Subscription: SubscriptionResolvers = {
  circleciPipelineStatusChanged: {
    subscribe: (_root, args, context) => circleCiStream('circleci.pipeline', args, context),
    resolve: (event: Extract<LiveEvent, { kind: 'circleci.pipeline' }>, _args: unknown, context: GatewayContext) => fresh(event, context),
  },
  circleciWorkflowStatusChanged: {
    subscribe: (_root, args, context) => circleCiStream('circleci.workflow', args, context),
    resolve: (event: Extract<LiveEvent, { kind: 'circleci.workflow' }>, _args: unknown, context: GatewayContext) => fresh(event, context),
  },
  circleciJobStatusChanged: {
    subscribe: (_root, args, context) => circleCiStream('circleci.job', args, context),
    resolve: (event: Extract<LiveEvent, { kind: 'circleci.job' }>, _args: unknown, context: GatewayContext) => fresh(event, context),
  },
  flexstackDeploymentChanged: {
    subscribe: async (_root, { projectId }, context) => {
      const live = liveContextOf(context);
      const matches = await flexStackScope(live, projectId);
      return live.live.stream((event) => event.kind === 'flexstack.deployment' && matches(event));
    },
    resolve: (event: Extract<LiveEvent, { kind: 'flexstack.deployment' }>, _args: unknown, context: GatewayContext) => fresh(event, context),
  },
};
