import { createRequire } from 'node:module';
import type { Redis, RedisOptions } from 'ioredis';

type IoRedis = { readonly Redis: new (url: string, options: RedisOptions) => Redis };

const require = createRequire(import.meta.url);

/**
 * A new ioredis connection. ioredis is loaded the first time one is made, so
 * a gateway without `REDIS_URL` never holds it (about 5.6 MB of a replica's
 * memory). Every Redis connection of the gateway is made here.
 */
export function connectRedis(url: string, options: RedisOptions): Redis {
  const { Redis: RedisClient } = require('ioredis') as IoRedis;
  return new RedisClient(url, options);
}
