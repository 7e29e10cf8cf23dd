import { describe, expect, it } from 'vitest';
import { loadConfig, settingNames } from '../../src/config/config.js';

describe('settingNames', () => {
  it('lists exactly the environment variables loadConfig reads', () => {
    const read = new Set<string>();
    const env = new Proxy({} as Record<string, string | undefined>, {
      get(_target, name) {
        if (typeof name !== 'string') return undefined;
        read.add(name);
        // A URL for every service, so that their credentials are read too.
        if (name === 'REDIS_URL') return 'redis://127.0.0.1:6379';
        return name.endsWith('_URL') ? 'http://127.0.0.1:1' : undefined;
      },
    });
    loadConfig(env);
    expect([...read].sort()).toEqual([...settingNames].sort());
  });

  it('reads SHUTDOWN_GRACE_MS, 10 seconds by default', () => {
    expect(loadConfig({}).shutdownGraceMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_GRACE_MS: '2500' }).shutdownGraceMs).toBe(2_500);
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: 'soon' })).toThrow('SHUTDOWN_GRACE_MS');
  });
});
