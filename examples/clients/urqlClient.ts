import { Client, fetchExchange } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import generated from './possibleTypes.json' with { type: 'json' };

/** Types with no id of their own: kept inside their parent, not normalised. */
const embedded = () => null;

/**
 * urql for Switchyard: graphcache with `projects` pages merged into one list
 * and the shared interfaces known. Queries go as GET (urql's default): the
 * gateway runs them because they carry a credential header, which a browser
 * only sends after a CORS preflight.
 */
export function createUrqlClient(url: string, headers: Record<string, string>): Client {
  return new Client({
    url,
    fetchOptions: () => ({ headers }),
    exchanges: [
      cacheExchange({
        possibleTypes: generated.possibleTypes,
        keys: { PageInfo: embedded, ProjectConnection: embedded, ProjectEdge: embedded, MemberConnection: embedded, MemberEdge: embedded, WebhookConnection: embedded, WebhookEdge: embedded },
        resolvers: { Query: { projects: relayPagination() } },
      }),
      fetchExchange,
    ],
  });
}
