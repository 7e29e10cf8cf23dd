import type { ContractCase } from './ContractCase.js';

export const cases: ContractCase[] = [
  { operationId: 'getCurrentUser', request: () => ({ method: 'GET', path: '/me' }) },
  { operationId: 'getCollaborations', request: () => ({ method: 'GET', path: '/me/collaborations' }) },
  { operationId: 'getUser', request: (sim) => ({ method: 'GET', path: `/user/${sim.store.users.find((u) => u.login === 'grace')!.id}` }) },
];
