import type { ServiceName } from '../config/ServiceName.js';
import type { MergeSource } from '../relay/mergedConnection.js';
import type { Loaders } from './Loaders.js';

/** The services whose APIs list projects, in the order they take turns. */
export const projectListingServices = ['gitlab', 'concord', 'flexstack'] as const satisfies readonly ServiceName[];

/** A service whose API lists projects. */
export type ListingService = (typeof projectListingServices)[number];

/** A project of any listing service, as the merged list carries it. */
export type ListedProject = Awaited<ReturnType<Loaders[ListingService]['projectsPage']>>['items'][number];

/** Whether a service's API lists projects. */
export function isListing(service: ServiceName): service is ListingService {
  return (projectListingServices as readonly ServiceName[]).includes(service);
}

/**
 * The page sources of the cross-service project list: one per service asked
 * for (or every configured listing service), each reading its own native
 * pages with its own name filter. Native filters differ (GitLab's `search`
 * also matches paths and descriptions; FlexStack has none), so every page is
 * filtered here too, to the one rule the schema promises: the name contains
 * the text, ignoring case.
 */
export function projectSources(
  loaders: Loaders,
  configured: ReadonlySet<ServiceName>,
  options: { readonly services?: readonly ListingService[] | null | undefined; readonly nameContains?: string | null | undefined },
): MergeSource<ListedProject>[] {
  const asked: readonly ServiceName[] = options.services ?? projectListingServices.filter((service) => configured.has(service));
  const name = options.nameContains?.trim() || undefined;
  const needle = name?.toLowerCase();
  const services = projectListingServices.filter((service) => asked.includes(service));
  return services.map((service): MergeSource<ListedProject> => ({
    name: service,
    async fetchPage(token, size) {
      const page = await loaders[service].projectsPage(token, size, { name });
      if (needle === undefined) return page;
      return { ...page, items: page.items.filter((project) => project.name.toLowerCase().includes(needle)) };
    },
  }));
}
