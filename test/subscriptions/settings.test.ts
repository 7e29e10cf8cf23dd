import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.js';
import { loadLiveSettings } from '../../src/config/liveSettings.js';

describe('live-update settings', () => {
  it('has safe defaults: every receiver off, 1 MiB bodies, 5 s polls (60 s idle) on a 15 s lease, 100 projects a subscription', () => {
    expect(loadLiveSettings({})).toEqual({
      webhookSecrets: {},
      webhookMaxBodyBytes: 1_048_576,
      webhookDedupeSeconds: 86_400,
      pollIntervalMs: 5_000,
      pollIdleIntervalMs: 60_000,
      pollLeaseMs: 15_000,
      pollMaxBackoffMs: 300_000,
      maxWatchedProjects: 100,
    });
  });

  it('keeps the idle interval no shorter than the active one, and bounds the projects of a subscription', () => {
    expect(loadLiveSettings({ SUBSCRIPTION_POLL_INTERVAL_MS: '90000' }).pollIdleIntervalMs).toBe(90_000);
    expect(loadLiveSettings({ SUBSCRIPTION_POLL_IDLE_INTERVAL_MS: '30000' }).pollIdleIntervalMs).toBe(30_000);
    expect(() => loadLiveSettings({ SUBSCRIPTION_POLL_IDLE_INTERVAL_MS: '1000' })).toThrow(/SUBSCRIPTION_POLL_IDLE_INTERVAL_MS/);
    expect(loadLiveSettings({ SUBSCRIPTION_MAX_PROJECTS: '20' }).maxWatchedProjects).toBe(20);
    expect(() => loadLiveSettings({ SUBSCRIPTION_MAX_PROJECTS: '0' })).toThrow(/SUBSCRIPTION_MAX_PROJECTS/);
    expect(() => loadLiveSettings({ SUBSCRIPTION_MAX_PROJECTS: '1001' })).toThrow(/SUBSCRIPTION_MAX_PROJECTS/);
  });

  it('reads secrets and numbers, and names a bad setting', () => {
    const settings = loadLiveSettings({ CIRCLECI_WEBHOOK_SECRET: ' s1 ', GITLAB_WEBHOOK_SECRET: '', SUBSCRIPTION_POLL_INTERVAL_MS: '10000' });
    expect(settings.webhookSecrets).toEqual({ circleci: 's1' });
    expect(settings.pollLeaseMs).toBe(30_000);
    expect(() => loadLiveSettings({ SUBSCRIPTION_POLL_INTERVAL_MS: 'soon' })).toThrow(ConfigError);
    expect(() => loadLiveSettings({ SUBSCRIPTION_POLL_INTERVAL_MS: '1000', SUBSCRIPTION_POLL_LEASE_MS: '1000' })).toThrow(/SUBSCRIPTION_POLL_LEASE_MS/);
    expect(() => loadLiveSettings({ WEBHOOK_MAX_BODY_BYTES: '10' })).toThrow(/WEBHOOK_MAX_BODY_BYTES/);
  });
});
