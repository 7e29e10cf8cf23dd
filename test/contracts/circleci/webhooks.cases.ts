import { webhookState } from '../../../src/simulators/circleci/admin/webhooks.js';
import { circleCiOperations as ops } from '../../../src/upstreams/circleci/operations.js';
import type { ContractCase } from './ContractCase.js';
import { acmeProject } from './helpers.admin.js';

const hook = (sim: Parameters<ContractCase['request']>[0], name: string) => webhookState(sim.store).webhooks.find((w) => w.name === name)!;

export const cases: ContractCase[] = [
  {
    operation: ops.createWebhook,
    request: (sim) => ({
      body: {
        name: 'contract-hook',
        events: ['workflow-completed'],
        url: 'https://hooks.example.com/contract',
        'verify-tls': true,
        'signing-secret': 'contract-secret-123',
        scope: { id: acmeProject(sim).id, type: 'project' },
      },
    }),
  },
  { operation: ops.getWebhooks, request: (sim) => ({ query: { 'scope-id': acmeProject(sim).id, 'scope-type': 'project' } }) },
  { operation: ops.getWebhookById, request: (sim) => ({ path: { 'webhook-id': hook(sim, 'deploy-notifier').id } }) },
  { operation: ops.updateWebhook, request: (sim) => ({ path: { 'webhook-id': hook(sim, 'deploy-notifier').id }, body: { name: 'renamed', 'verify-tls': false } }) },
  { operation: ops.deleteWebhook, request: (sim) => ({ path: { 'webhook-id': hook(sim, 'web-status').id } }) },
];
