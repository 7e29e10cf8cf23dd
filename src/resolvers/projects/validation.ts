import { serviceLabels, type ServiceName } from '../../config/ServiceName.js';
import { GatewayError } from '../../errors/GatewayError.js';
import { isListing, projectListingServices, type ListingService } from '../../upstreams/projectSources.js';

/** The services asked for the cross-service project list, each one whose API lists projects; BAD_USER_INPUT otherwise. */
export function assertListingServices(services: readonly ServiceName[] | undefined): readonly ListingService[] | undefined {
  if (services === undefined) return undefined;
  const unlisted = services.filter((service) => !isListing(service));
  if (unlisted.length > 0) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      `${unlisted.map((service) => serviceLabels[service]).join(' and ')} cannot list projects; projects lists ${projectListingServices.map((service) => serviceLabels[service]).join(', ')}`,
    );
  }
  return services.filter(isListing);
}
