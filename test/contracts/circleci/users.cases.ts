import { circleCiOperations as ops } from '../../../src/upstreams/circleci/operations.js';
import type { ContractCase } from './ContractCase.js';

export const cases: ContractCase[] = [
  { operation: ops.getCurrentUser, request: () => ({}) },
  { operation: ops.getCollaborations, request: () => ({}) },
  { operation: ops.getUser, request: (sim) => ({ path: { id: sim.store.users.find((u) => u.login === 'grace')!.id } }) },
];
