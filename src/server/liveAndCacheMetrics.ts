import type { ResponseCache } from '../cache/ResponseCache.js';
import type { OperationCache } from '../cache/OperationCache.js';
import type { LiveHub } from '../subscriptions/LiveHub.js';
import type { MetricsSource } from './metrics.js';

const acceptedOutcomes: ReadonlySet<string> = new Set(['accepted', 'ignored', 'duplicate']);

/** Cache counters (upstream answers, and whole answers when that cache is on), open subscriptions, `pipelinesChanged` pollers and webhook deliveries, as `/metrics` reports them. */
export function liveAndCacheMetrics(cache: ResponseCache, live: LiveHub, answers?: OperationCache | undefined): MetricsSource {
  return {
    read: () => {
      const counts = cache.stats.snapshot();
      const answered = answers?.counts();
      let accepted = 0;
      let refused = 0;
      for (const byOutcome of Object.values(live.webhooks.stats())) {
        for (const [outcome, count] of Object.entries(byOutcome ?? {})) {
          if (acceptedOutcomes.has(outcome)) accepted += count;
          else refused += count;
        }
      }
      return {
        cacheHits: counts.hits,
        cacheMisses: counts.misses,
        responseCacheHits: answered?.hits,
        responseCacheMisses: answered?.misses,
        openSubscriptions: live.streamCount(),
        webhookDeliveriesAccepted: accepted,
        webhookDeliveriesRefused: refused,
        projectsWatched: live.projectPollers.activeTargets().length,
        projectPolls: live.projectPollers.pollCount(),
        projectPollFailures: live.projectPollers.pollFailureCount(),
      };
    },
  };
}
