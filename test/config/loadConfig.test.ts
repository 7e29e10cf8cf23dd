import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('loadConfig', () => {
  it('starts in demo mode when no service URL is set, with the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ demo: true, port: 4000, host: '0.0.0.0', redisUrl: undefined, upstreamTimeoutMs: 10_000, explorer: true });
    expect(config.services).toEqual({});
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('makes a service real when its URL is set, with its token, and leaves demo mode', () => {
    const config = loadConfig({ GITLAB_URL: 'https://gitlab.example.com/api/v4/', GITLAB_TOKEN: ' glpat-x ' });
    expect(config.demo).toBe(false);
    expect(config.services).toEqual({ gitlab: { url: 'https://gitlab.example.com/api/v4', token: 'glpat-x' } });
  });

  it.each([
    ['PORT', 'eighty', /PORT.*not a whole number/],
    ['PORT', '70000', /PORT.*outside/],
    ['CIRCLECI_URL', 'circleci.com/api/v2', /CIRCLECI_URL.*not a URL/],
    ['GHES_URL', 'ftp://ghe.example.com', /GHES_URL.*expected a http: or https: URL/],
    ['REDIS_URL', 'http://redis:6379', /REDIS_URL/],
    ['UPSTREAM_TIMEOUT_MS', '0', /UPSTREAM_TIMEOUT_MS/],
    ['EXPLORER', 'maybe', /EXPLORER.*not true or false/],
    ['CACHE_TTL_LIST_SECONDS', '-1', /CACHE_TTL_LIST_SECONDS/],
    ['SUBSCRIPTION_POLL_INTERVAL_MS', 'soon', /SUBSCRIPTION_POLL_INTERVAL_MS/],
  ])('refuses %s=%s with an error naming the setting', (name, value, message) => {
    let thrown: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).setting).toBe(name);
    expect((thrown as Error).message).toMatch(message);
  });

  it('stops the gateway at start with a message naming the setting, and never starts serving', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: 'not-a-port', CIRCLECI_TOKEN: 'secret-token-value' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Invalid setting PORT');
    expect(result.stdout + result.stderr).not.toContain('secret-token-value');
  });
});
