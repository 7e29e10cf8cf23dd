import type {
  FlexStackNotificationIntegrationResolvers,
  FlexStackSlackIntegrationResolvers,
  FlexStackWebhookIntegrationResolvers,
} from '../../generated/graphql.js';
import { globalIdOf } from '../../relay/globalId.js';
import type { GatewayContext } from '../../context/GatewayContext.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { childKey } from '../../upstreams/flexstack/loaders.js';
import type { FlexStackIntegrationModel, FlexStackNotificationFlagsModel } from '../../upstreams/flexstack/models.js';

/**
 * The type name in every integration's global id: one for both kinds, so an
 * id stays valid whatever type FlexStack reports.
 */
export const integrationTypename = 'FlexStackNotificationIntegration';

const flagNames: readonly [keyof FlexStackNotificationFlagsModel, string][] = [
  ['deploymentsFailed', 'deployments_failed'],
  ['deploymentsInProgress', 'deployments_in_progress'],
  ['deploymentsSucceeded', 'deployments_succeeded'],
  ['changelog', 'changelog'],
  ['promotions', 'promotions'],
  ['servicesAlarm', 'services_alarm'],
  ['servicesOk', 'services_ok'],
];

/** The enabled notifications, by FlexStack's flag names. */
export function enabledEvents(flags: FlexStackNotificationFlagsModel): string[] {
  return flagNames.filter(([key]) => flags[key]).map(([, name]) => name);
}

const common = {
  id: globalIdOf<FlexStackIntegrationModel>(integrationTypename, (integration) => childKey(integration.projectId, integration.id)),
  service: () => 'FLEXSTACK' as const,
  integrationId: (integration: FlexStackIntegrationModel) => integration.id,
  project: (integration: FlexStackIntegrationModel, _args: unknown, { loaders }: GatewayContext) =>
    loadOrNull(loaders.flexstack.project, integration.projectId),
};

/** Resolvers of `FlexStackNotificationIntegration`. */
export const FlexStackNotificationIntegration: FlexStackNotificationIntegrationResolvers = {
  __resolveType: (integration) => integration.__typename,
};

/** Resolvers of `FlexStackSlackIntegration`. */
export const FlexStackSlackIntegration: FlexStackSlackIntegrationResolvers = { ...common };

/** Resolvers of `FlexStackWebhookIntegration`. */
export const FlexStackWebhookIntegration: FlexStackWebhookIntegrationResolvers = {
  ...common,
  url: (integration) => {
    const url = integration.config?.['url'];
    return typeof url === 'string' ? url : '';
  },
  events: (integration) => enabledEvents(integration.notifications),
  active: (integration) => enabledEvents(integration.notifications).length > 0,
};
