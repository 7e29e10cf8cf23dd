import { expect } from 'vitest';
import type { RedisStore } from '../../src/cache/RedisStore.js';
import type { Gateway } from '../../src/server/createGateway.js';

/** Waits (at most 10 s) until a gateway's Redis cache store answers; fails the test when it does not. */
export async function expectRedisCache(gateway: Gateway): Promise<void> {
  const store = gateway.cache.store as RedisStore;
  const deadline = Date.now() + 10_000;
  while (!store.healthy() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(store.healthy()).toBe(true);
}
