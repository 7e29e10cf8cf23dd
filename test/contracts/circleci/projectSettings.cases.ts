import type { ContractCase } from './ContractCase.js';

const seededKey = (sim: Parameters<ContractCase['request']>[0]) => sim.store.checkoutKeys.find((k) => k.projectSlug === 'gh/acme/mobile')!;

export const cases: ContractCase[] = [
  { operationId: 'createProject', request: () => ({ method: 'POST', path: '/project/gh/acme/docs' }) },
  { operationId: 'getProjectSettings', request: () => ({ method: 'GET', path: '/project/gh/acme/api/settings' }) },
  {
    operationId: 'patchProjectSettings',
    request: () => ({ method: 'PATCH', path: '/project/gh/acme/api/settings', body: { advanced: { autocancel_builds: true, pr_only_branch_overrides: ['main', 'release'] } } }),
  },
  { operationId: 'listEnvVars', request: () => ({ method: 'GET', path: '/project/gh/acme/api/envvar' }) },
  { operationId: 'createEnvVar', request: () => ({ method: 'POST', path: '/project/gh/acme/api/envvar', body: { name: 'SLACK_WEBHOOK', value: 'https://hooks.example.com/abcd' } }) },
  { operationId: 'getEnvVar', request: () => ({ method: 'GET', path: '/project/gh/acme/api/envvar/AWS_REGION' }) },
  { operationId: 'deleteEnvVar', request: () => ({ method: 'DELETE', path: '/project/gh/acme/api/envvar/DATABASE_URL' }) },
  { operationId: 'listCheckoutKeys', request: () => ({ method: 'GET', path: '/project/gh/acme/api/checkout-key', query: { digest: 'sha256' } }) },
  { operationId: 'createCheckoutKey', request: () => ({ method: 'POST', path: '/project/gh/acme/api/checkout-key', body: { type: 'user-key' } }) },
  { operationId: 'getCheckoutKey', request: (sim) => ({ method: 'GET', path: `/project/gh/acme/mobile/checkout-key/${encodeURIComponent(seededKey(sim).sha256)}` }) },
  { operationId: 'deleteCheckoutKey', request: (sim) => ({ method: 'DELETE', path: `/project/gh/acme/mobile/checkout-key/${seededKey(sim).md5}` }) },
];
