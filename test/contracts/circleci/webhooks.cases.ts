import { webhookState } from '../../../src/simulators/circleci/admin/webhooks.js';
import type { ContractCase } from './ContractCase.js';
import { acmeProject } from './helpers.admin.js';

const hook = (sim: Parameters<ContractCase['request']>[0], name: string) => webhookState(sim.store).webhooks.find((w) => w.name === name)!;

export const cases: ContractCase[] = [
  {
    operationId: 'createWebhook',
    request: (sim) => ({
      method: 'POST',
      path: '/webhook',
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
  { operationId: 'getWebhooks', request: (sim) => ({ method: 'GET', path: '/webhook', query: { 'scope-id': acmeProject(sim).id, 'scope-type': 'project' } }) },
  { operationId: 'getWebhookById', request: (sim) => ({ method: 'GET', path: `/webhook/${hook(sim, 'deploy-notifier').id}` }) },
  { operationId: 'updateWebhook', request: (sim) => ({ method: 'PUT', path: `/webhook/${hook(sim, 'deploy-notifier').id}`, body: { name: 'renamed', 'verify-tls': false } }) },
  { operationId: 'deleteWebhook', request: (sim) => ({ method: 'DELETE', path: `/webhook/${hook(sim, 'web-status').id}` }) },
];
