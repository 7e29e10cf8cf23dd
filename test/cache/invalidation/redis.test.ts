import { afterAll, beforeAll, expect } from 'vitest';
import { expectRedisCache } from '../../helpers/expectRedisCache.js';
import { startRedisServer, type RedisServer } from '../../helpers/redisServer.js';
import { circleciCases, circleciCredentials } from './cases/circleci.js';
import { gitlabCases, gitlabCredentials } from './cases/gitlab.js';
import { concordCases, concordCredentials } from './cases/concord.js';
import { invalidationSuite } from './harness.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis.stop();
});

// The purge is by tag sets in Redis here, not the in-memory index.
invalidationSuite(
  'mutations purge what they make stale from Redis, for every credential',
  [
    { service: 'circleci', credentials: circleciCredentials, cases: circleciCases },
    { service: 'gitlab', credentials: gitlabCredentials, cases: gitlabCases },
    { service: 'concord', credentials: concordCredentials, cases: concordCases },
  ],
  {
    // A generous Redis bound: on a loaded machine a 75 ms wait would bypass the cache and fail the cases for the wrong reason.
    env: () => ({ REDIS_URL: redis.url, CACHE_REDIS_TIMEOUT_MS: '2000' }),
    ready: async (t) => {
      await expectRedisCache(t.gateway);
      expect(t.gateway.cache.describe()).toMatch(/redis/i);
    },
  },
);
