import { createHash } from 'node:crypto';
import { stableUuid } from '../core/ids.js';
import type { CircleCiStore, SimAdvancedSettings, SimCheckoutKey } from './store.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The settings a newly followed project starts with. */
export function defaultSettings(): SimAdvancedSettings {
  return {
    autocancel_builds: false,
    build_fork_prs: false,
    build_prs_only: false,
    disable_ssh: false,
    forks_receive_secret_env_vars: false,
    oss: false,
    set_github_status: true,
    setup_workflows: false,
    write_settings_requires_admin: false,
    pr_only_branch_overrides: ['main'],
  };
}

/** A checkout key with a deterministic public key and both fingerprint digests. */
export function makeCheckoutKey(projectSlug: string, type: SimCheckoutKey['type'], serial: string, createdAt: string): SimCheckoutKey {
  const body = createHash('sha512').update(`key:${projectSlug}:${type}:${serial}`).digest();
  const blob = Buffer.concat([Buffer.from('\u0000\u0000\u0000\u000bssh-ed25519\u0000\u0000\u0000 ', 'latin1'), body.subarray(0, 32)]);
  const md5 = createHash('md5').update(blob).digest('hex').match(/../g)?.join(':') ?? '';
  const sha256 = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
  return { projectSlug, type, publicKey: `ssh-ed25519 ${blob.toString('base64')}`, md5, sha256, createdAt };
}

/**
 * Seeds what each project carries besides pipelines: settings, environment
 * variables, a checkout key, schedules on the busiest projects, and one setup
 * pipeline waiting for its continuation.
 */
export function seedProjectExtras(store: CircleCiStore, now: number): void {
  const ada = store.users[0];
  for (const project of store.projects) {
    store.settings.set(project.slug, defaultSettings());
    store.envVars.push(
      { projectSlug: project.slug, name: 'AWS_REGION', value: 'eu-west-1', createdAt: null },
      { projectSlug: project.slug, name: 'NPM_TOKEN', value: `npm_${stableUuid(`npm:${project.slug}`).replace(/-/g, '')}`, createdAt: iso(now - 30 * 86_400_000) },
      { projectSlug: project.slug, name: 'DATABASE_URL', value: `postgres://ci@db.internal/${project.name}`, createdAt: iso(now - 7 * 86_400_000) },
    );
    store.checkoutKeys.push(makeCheckoutKey(project.slug, 'deploy-key', 'seed', iso(now - 60 * 86_400_000)));
  }
  if (ada !== undefined) {
    const actor = { id: ada.id, login: ada.login, name: ada.name };
    store.schedules.push(
      {
        id: stableUuid('schedule:gh/acme/api:nightly'),
        name: 'nightly',
        description: 'Full test suite every night',
        projectSlug: 'gh/acme/api',
        timetable: { 'per-hour': 1, 'hours-of-day': [2], 'days-of-week': ['MON', 'TUE', 'WED', 'THU', 'FRI'] },
        parameters: { branch: 'main', deploy: false },
        actor,
        createdAt: iso(now - 20 * 86_400_000),
        updatedAt: iso(now - 10 * 86_400_000),
      },
      {
        id: stableUuid('schedule:gh/acme/api:monthly-audit'),
        name: 'monthly-audit',
        description: null,
        projectSlug: 'gh/acme/api',
        timetable: { 'per-hour': 1, 'hours-of-day': [6], 'days-of-month': [1, 15], months: ['JAN', 'APR', 'JUL', 'OCT'] },
        parameters: { branch: 'main' },
        actor: { id: stableUuid('user:system'), login: 'system-actor', name: 'Scheduled Pipelines' },
        createdAt: iso(now - 90 * 86_400_000),
        updatedAt: iso(now - 90 * 86_400_000),
      },
      {
        id: stableUuid('schedule:gh/acme/web:hourly'),
        name: 'hourly-smoke',
        description: 'Smoke tests',
        projectSlug: 'gh/acme/web',
        timetable: { 'per-hour': 2, 'hours-of-day': [8, 9, 10, 11, 12, 13, 14, 15, 16, 17], 'days-of-week': ['MON', 'WED', 'FRI'] },
        parameters: { branch: 'main' },
        actor,
        createdAt: iso(now - 5 * 86_400_000),
        updatedAt: iso(now - 5 * 86_400_000),
      },
    );
    const setup = store.addPipeline('gh/acme/infra', store.nextPipelineNumber('gh/acme/infra'), now - 60_000, {
      branch: 'main',
      actor: ada.login,
      triggerType: 'api',
      state: 'setup',
    });
    store.continuations.set(stableUuid('continuation:gh/acme/infra'), { pipelineId: setup.id, used: false });
  }
}
