import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingNames } from '../../src/config/config.js';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

/**
 * Starts a demo gateway in a process of its own (a test worker may have
 * loaded ioredis for another test) and says which ioredis modules that
 * process holds once it answers.
 */
const probe = `
import { createRequire } from 'node:module';
const { loadConfig } = await import('./src/config/config.ts');
const { createGateway } = await import('./src/server/createGateway.ts');
const gateway = await createGateway({ config: loadConfig(process.env) });
const url = await gateway.listen(0, '127.0.0.1');
const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('/node_modules/ioredis/'));
await gateway.stop();
process.stdout.write(JSON.stringify({ status: answer.status, ioredis: loaded.length }));
process.exit(0);
`;

async function ioredisModulesLoaded(extra: Record<string, string>): Promise<{ status: number; ioredis: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of settingNames) delete env[name];
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
    cwd: root,
    env: { ...env, LOG_LEVEL: 'error', ...extra },
    timeout: 60_000,
  });
  return JSON.parse(stdout) as { status: number; ioredis: number };
}

describe('ioredis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('is not loaded by a gateway without REDIS_URL', async () => {
    expect(await ioredisModulesLoaded({})).toEqual({ status: 200, ioredis: 0 });
  }, 60_000);

  it('is loaded once REDIS_URL is set, and the gateway answers', async () => {
    const { status, ioredis } = await ioredisModulesLoaded({ REDIS_URL: redis.url });
    expect(status).toBe(200);
    expect(ioredis).toBeGreaterThan(0);
  }, 60_000);
});
