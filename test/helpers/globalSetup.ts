import { buildExplorer } from '../../src/explorer/build.js';
import { ensureChromium } from './chromium.js';
import { ensureRedisServer } from './redisServer.js';

/**
 * Runs once before the suite: installs the real servers and browser some
 * tests need (Debian's redis-server and chromium) when the machine does not
 * have them yet, so that parallel test files never race on the package
 * manager, and builds the explorer bundle when it is missing or stale.
 */
export async function setup(): Promise<void> {
  ensureRedisServer();
  ensureChromium();
  await buildExplorer({ ifStale: true });
}
