import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import generated from './possibleTypes.json' with { type: 'json' };

/**
 * Apollo Client for Switchyard: `projects` pages merged into one list (Relay
 * cursors, one list per `services`/`nameContains` filter), and the shared
 * interfaces (`Project`, `Member`, `Webhook`, …) known to the cache, so that
 * fragments on them match each service's types.
 */
export function createApolloClient(url: string, headers: Record<string, string> = {}): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: url, headers }),
    cache: new InMemoryCache({
      possibleTypes: generated.possibleTypes,
      typePolicies: {
        Query: { fields: { projects: relayStylePagination(['services', 'nameContains']) } },
      },
    }),
  });
}
