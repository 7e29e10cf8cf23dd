import { circleCiOperations as ops } from '../../../src/upstreams/circleci/operations.js';
import type { ContractCase } from './ContractCase.js';

const seededKey = (sim: Parameters<ContractCase['request']>[0]) => sim.store.checkoutKeys.find((k) => k.projectSlug === 'gh/acme/mobile')!;
const api = { 'project-slug': 'gh/acme/api' };
const apiParts = { provider: 'gh', organization: 'acme', project: 'api' };

export const cases: ContractCase[] = [
  { operation: ops.createProject, request: () => ({ path: { provider: 'gh', organization: 'acme', project: 'docs' } }) },
  { operation: ops.getProjectSettings, request: () => ({ path: apiParts }) },
  {
    operation: ops.patchProjectSettings,
    request: () => ({ path: apiParts, body: { advanced: { autocancel_builds: true, pr_only_branch_overrides: ['main', 'release'] } } }),
  },
  { operation: ops.listEnvVars, request: () => ({ path: api }) },
  { operation: ops.createEnvVar, request: () => ({ path: api, body: { name: 'SLACK_WEBHOOK', value: 'https://hooks.example.com/abcd' } }) },
  { operation: ops.getEnvVar, request: () => ({ path: { ...api, name: 'AWS_REGION' } }) },
  { operation: ops.deleteEnvVar, request: () => ({ path: { ...api, name: 'DATABASE_URL' } }) },
  { operation: ops.listCheckoutKeys, request: () => ({ path: api, query: { digest: 'sha256' } }) },
  { operation: ops.createCheckoutKey, request: () => ({ path: api, body: { type: 'user-key' } }) },
  // A sha256 fingerprint holds `/`, `+` and `=`: built into the path, it stays one encoded segment.
  { operation: ops.getCheckoutKey, request: (sim) => ({ path: { 'project-slug': 'gh/acme/mobile', fingerprint: seededKey(sim).sha256 } }) },
  { operation: ops.deleteCheckoutKey, request: (sim) => ({ path: { 'project-slug': 'gh/acme/mobile', fingerprint: seededKey(sim).md5 } }) },
];
