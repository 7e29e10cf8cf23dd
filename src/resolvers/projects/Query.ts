import type { QueryResolvers, Service } from '../../generated/graphql.js';
import { GatewayError } from '../../errors/GatewayError.js';
import { serviceLabels, type ServiceName } from '../../config/ServiceName.js';
import { mergedConnection } from '../../relay/mergedConnection.js';
import { projectSources } from '../../upstreams/projectSources.js';
import { assertListingServices } from './validation.js';
import { responsePathAsArray } from 'graphql';

const toService = (name: string): ServiceName => name.toLowerCase() as ServiceName;

/** A service's config name as the schema's `Service` enum spells it. */
const serviceEnum: Readonly<Record<ServiceName, Service>> = { circleci: 'CIRCLECI', ghes: 'GHES', gitlab: 'GITLAB', concord: 'CONCORD', flexstack: 'FLEXSTACK' };

/** The `Query` fields of this domain. */
export const Query: QueryResolvers = {
  projects: async (_root, args, context, info) => {
    const services = assertListingServices(args.services?.map(toService));
    const sources = projectSources(context.loaders, context.configuredServices, { services, nameContains: args.nameContains });
    const connection = await mergedConnection(args, sources);
    const path = responsePathAsArray(info.path);
    for (const failure of connection.failures) {
      const service = failure.source as ServiceName;
      const error =
        failure.error instanceof GatewayError
          ? failure.error
          : new GatewayError('UPSTREAM_ERROR', `${serviceLabels[service]}: projects could not be listed`, { service });
      context.partialErrors.push({ error, path });
    }
    return {
      edges: connection.edges,
      pageInfo: connection.pageInfo,
      failedServices: connection.failures.map((failure) => serviceEnum[failure.source as ServiceName]),
    };
  },
};
