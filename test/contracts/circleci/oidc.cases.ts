import type { ContractCase } from './ContractCase.js';
import { acmeOrg, acmeProject } from './helpers.admin.js';

const org = (sim: Parameters<ContractCase['request']>[0]) => `/org/${acmeOrg(sim).id}/oidc-custom-claims`;
const project = (sim: Parameters<ContractCase['request']>[0]) => `/org/${acmeOrg(sim).id}/project/${acmeProject(sim).id}/oidc-custom-claims`;

export const cases: ContractCase[] = [
  { operationId: 'GetOrgClaims', request: (sim) => ({ method: 'GET', path: org(sim) }) },
  { operationId: 'PatchOrgClaims', request: (sim) => ({ method: 'PATCH', path: org(sim), body: { audience: ['sts.amazonaws.com', 'vault'], ttl: '30m' } }) },
  { operationId: 'DeleteOrgClaims', request: (sim) => ({ method: 'DELETE', path: org(sim), query: { claims: 'ttl' } }) },
  { operationId: 'GetProjectClaims', request: (sim) => ({ method: 'GET', path: project(sim) }) },
  { operationId: 'PatchProjectClaims', request: (sim) => ({ method: 'PATCH', path: project(sim), body: { ttl: '2h' } }) },
  { operationId: 'DeleteProjectClaims', request: (sim) => ({ method: 'DELETE', path: project(sim), query: { claims: 'audience,ttl' } }) },
];
