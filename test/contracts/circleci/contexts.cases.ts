import { contextState } from '../../../src/simulators/circleci/admin/contexts.js';
import type { ContractCase } from './ContractCase.js';
import { acmeOrg, acmeProject } from './helpers.admin.js';

const deploy = (sim: Parameters<ContractCase['request']>[0]) => contextState(sim.store).contexts.find((c) => c.name === 'deploy-secrets' && c.ownerId === acmeOrg(sim).id)!;
const disposable = (sim: Parameters<ContractCase['request']>[0]) => contextState(sim.store).contexts.find((c) => c.name === 'slack' && c.ownerId === acmeOrg(sim).id)!;

export const cases: ContractCase[] = [
  { operationId: 'listContexts', request: () => ({ method: 'GET', path: '/context', query: { 'owner-slug': 'gh/acme' } }) },
  {
    operationId: 'createContext',
    request: (sim) => ({ method: 'POST', path: '/context', body: { name: 'contract-context', owner: { id: acmeOrg(sim).id, type: 'organization' } } }),
  },
  { operationId: 'getContext', request: (sim) => ({ method: 'GET', path: `/context/${deploy(sim).id}` }) },
  { operationId: 'listEnvironmentVariablesFromContext', request: (sim) => ({ method: 'GET', path: `/context/${deploy(sim).id}/environment-variable` }) },
  {
    operationId: 'addEnvironmentVariableToContext',
    request: (sim) => ({ method: 'PUT', path: `/context/${deploy(sim).id}/environment-variable/CONTRACT_VAR`, body: { value: 's3cret' } }),
  },
  { operationId: 'deleteEnvironmentVariableFromContext', request: (sim) => ({ method: 'DELETE', path: `/context/${deploy(sim).id}/environment-variable/SECRET_25` }) },
  { operationId: 'getContextRestrictions', request: (sim) => ({ method: 'GET', path: `/context/${deploy(sim).id}/restrictions` }) },
  {
    operationId: 'createContextRestriction',
    request: (sim) => ({
      method: 'POST',
      path: `/context/${deploy(sim).id}/restrictions`,
      body: { restriction_type: 'project', restriction_value: acmeProject(sim, 'web').id },
    }),
  },
  {
    operationId: 'deleteContextRestriction',
    request: (sim) => {
      const restriction = contextState(sim.store).restrictions.find((r) => r.contextId === deploy(sim).id && r.type === 'expression')!;
      return { method: 'DELETE', path: `/context/${deploy(sim).id}/restrictions/${restriction.id}` };
    },
  },
  { operationId: 'deleteContext', request: (sim) => ({ method: 'DELETE', path: `/context/${disposable(sim).id}` }) },
];
