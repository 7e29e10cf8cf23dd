import type { ApolloServerPlugin } from '@apollo/server';
import type { CacheTracker } from './CacheTracker.js';

/** The request header a client sends (`x-cache-age: 1`) to get `extensions.cacheAge`. */
export const cacheAgeHeader = 'x-cache-age';

/**
 * Tells the client how fresh its answer is: a `Cache-Control` header from
 * the upstream answers the operation used (`no-store` after a write or when
 * any answer may not be kept), `extensions.stale` when an expired answer
 * stood in for a failed upstream call (each such service and its oldest
 * answer's age), and, when asked, `extensions.cacheAge`.
 */
export function cachePlugin<C extends { readonly cacheTracker?: CacheTracker | undefined }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, operationName, response, request }) {
          const tracker = contextValue.cacheTracker;
          if (tracker === undefined) return;
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const errors = single === undefined || (single.errors?.length ?? 0) > 0;
          response.http.headers.set('cache-control', tracker.settle({ mutation: operation?.operation !== 'query', errors, operationName: operationName ?? '' }));
          const stale = tracker.stale;
          if (single !== undefined && stale !== undefined) single.extensions = { ...single.extensions, stale };
          const asked = request.http?.headers.get(cacheAgeHeader);
          if (single !== undefined && asked !== undefined && ['1', 'true'].includes(asked.trim().toLowerCase())) {
            single.extensions = { ...single.extensions, cacheAge: tracker.used };
          }
        },
      };
    },
  };
}
