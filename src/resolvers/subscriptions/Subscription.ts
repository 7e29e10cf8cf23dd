import type { SubscriptionResolvers } from '../../generated/graphql.js';
import type { GatewayContext } from '../../context/GatewayContext.js';
import { circleCiScope, type CircleCiScopeArgs } from '../../subscriptions/circleci/CircleCiScope.js';
import { currentPipelineEvent } from '../../subscriptions/circleci/currentStatus.js';
import type { LiveEvent } from '../../subscriptions/events.js';
import { flexStackScope } from '../../subscriptions/flexstack/FlexStackScope.js';
import { gitLabScope } from '../../subscriptions/gitlab/GitLabScope.js';
import { liveContextOf } from '../../subscriptions/LiveContext.js';
import type { PipelineChangeModel } from '../../subscriptions/pipelines/PipelineChange.js';
import { watchPipelines } from '../../subscriptions/pipelines/watchPipelines.js';
import { assertCircleCiScopeArgs, assertGitLabScopeArgs, assertWatchedProjects } from './validation.js';

type CircleCiKind = 'circleci.pipeline' | 'circleci.workflow' | 'circleci.job';

/**
 * Verifies the scope, watches (polls) a single pipeline, and streams the
 * matching events of one kind. A single pipeline's status subscription
 * starts with the status the gateway knows (CURRENT), and then gets changes
 * only: an event repeating the status the subscriber last got is left out.
 */
async function circleCiStream(kind: CircleCiKind, args: CircleCiScopeArgs, context: GatewayContext): Promise<AsyncIterable<LiveEvent>> {
  const live = liveContextOf(context);
  const scope = await circleCiScope(live, assertCircleCiScopeArgs(args));
  const token = live.credentials.circleci;
  const pipelineId = scope.pipelineId;
  const unwatch = pipelineId !== undefined && token !== undefined ? live.live.pollers.watch(pipelineId, token) : () => undefined;
  if (kind !== 'circleci.pipeline' || pipelineId === undefined) {
    return live.live.stream((event) => event.kind === kind && scope.matches(event), unwatch);
  }
  let last: string | undefined;
  const filter = async (event: LiveEvent): Promise<boolean> => {
    if (event.kind !== kind || event.status === last || !(await scope.matches(event))) return false;
    last = event.status;
    return true;
  };
  const projectSlug = scope.projectSlug ?? '';
  const initial = async (): Promise<LiveEvent | null> => {
    const event = await currentPipelineEvent(live, pipelineId, projectSlug);
    last = event?.status;
    return event;
  };
  return live.live.stream(filter, unwatch, initial);
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
  gitlabPipelineStatusChanged: {
    subscribe: async (_root, args, context) => {
      const live = liveContextOf(context);
      const matches = await gitLabScope(live, assertGitLabScopeArgs(args));
      return live.live.stream((event) => event.kind === 'gitlab.pipeline' && matches(event));
    },
    resolve: (event: Extract<LiveEvent, { kind: 'gitlab.pipeline' }>, _args: unknown, context: GatewayContext) => fresh(event, context),
  },
  pipelinesChanged: {
    subscribe: (_root, { projects }, context) => {
      const live = liveContextOf(context);
      return watchPipelines(live, assertWatchedProjects(projects, live.live.settings.maxWatchedProjects));
    },
    resolve: (change: PipelineChangeModel, _args: unknown, context: GatewayContext) => fresh(change, context),
  },
};
