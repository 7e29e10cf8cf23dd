import { ensureRedisServer } from './redisServer.js';

/**
 * Runs once before the suite: installs the real servers some tests need
 * (Debian's redis-server) when the machine does not have them yet, so that
 * parallel test files never race on the package manager.
 */
export function setup(): void {
  ensureRedisServer();
}
