import { contextState } from '../../../src/simulators/circleci/admin/contexts.js';
import { circleCiOperations as ops } from '../../../src/upstreams/circleci/operations.js';
import type { ContractCase } from './ContractCase.js';
import { acmeOrg, acmeProject } from './helpers.admin.js';

const deploy = (sim: Parameters<ContractCase['request']>[0]) => contextState(sim.store).contexts.find((c) => c.name === 'deploy-secrets' && c.ownerId === acmeOrg(sim).id)!;
const disposable = (sim: Parameters<ContractCase['request']>[0]) => contextState(sim.store).contexts.find((c) => c.name === 'slack' && c.ownerId === acmeOrg(sim).id)!;

export const cases: ContractCase[] = [
  { operation: ops.listContexts, request: () => ({ query: { 'owner-slug': 'gh/acme' } }) },
  { operation: ops.createContext, request: (sim) => ({ body: { name: 'contract-context', owner: { id: acmeOrg(sim).id, type: 'organization' } } }) },
  { operation: ops.getContext, request: (sim) => ({ path: { 'context-id': deploy(sim).id } }) },
  { operation: ops.listEnvironmentVariablesFromContext, request: (sim) => ({ path: { 'context-id': deploy(sim).id } }) },
  {
    operation: ops.addEnvironmentVariableToContext,
    request: (sim) => ({ path: { 'context-id': deploy(sim).id, 'env-var-name': 'CONTRACT_VAR' }, body: { value: 's3cret' } }),
  },
  { operation: ops.deleteEnvironmentVariableFromContext, request: (sim) => ({ path: { 'context-id': deploy(sim).id, 'env-var-name': 'SECRET_25' } }) },
  { operation: ops.getContextRestrictions, request: (sim) => ({ path: { context_id: deploy(sim).id } }) },
  {
    operation: ops.createContextRestriction,
    request: (sim) => ({ path: { context_id: deploy(sim).id }, body: { restriction_type: 'project', restriction_value: acmeProject(sim, 'web').id } }),
  },
  {
    operation: ops.deleteContextRestriction,
    request: (sim) => {
      const restriction = contextState(sim.store).restrictions.find((r) => r.contextId === deploy(sim).id && r.type === 'expression')!;
      return { path: { context_id: deploy(sim).id, restriction_id: restriction.id } };
    },
  },
  { operation: ops.deleteContext, request: (sim) => ({ path: { 'context-id': disposable(sim).id } }) },
];
