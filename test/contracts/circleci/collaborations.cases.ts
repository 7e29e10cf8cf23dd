import type { ContractCase } from './ContractCase.js';

/** What live-update subscriptions read besides the pipeline cases: the caller's organizations. */
export const cases: ContractCase[] = [{ operationId: 'getCollaborations', request: () => ({ method: 'GET', path: '/me/collaborations' }) }];
