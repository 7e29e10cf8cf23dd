import { circleCiOperations as ops } from '../../../src/upstreams/circleci/operations.js';
import type { ContractCase } from './ContractCase.js';
import { acmeOrg, acmeProject } from './helpers.admin.js';

const org = (sim: Parameters<ContractCase['request']>[0]) => ({ orgID: acmeOrg(sim).id });
const project = (sim: Parameters<ContractCase['request']>[0]) => ({ orgID: acmeOrg(sim).id, projectID: acmeProject(sim).id });

export const cases: ContractCase[] = [
  { operation: ops.GetOrgClaims, request: (sim) => ({ path: org(sim) }) },
  { operation: ops.PatchOrgClaims, request: (sim) => ({ path: org(sim), body: { audience: ['sts.amazonaws.com', 'vault'], ttl: '30m' } }) },
  { operation: ops.DeleteOrgClaims, request: (sim) => ({ path: org(sim), query: { claims: 'ttl' } }) },
  { operation: ops.GetProjectClaims, request: (sim) => ({ path: project(sim) }) },
  { operation: ops.PatchProjectClaims, request: (sim) => ({ path: project(sim), body: { ttl: '2h' } }) },
  { operation: ops.DeleteProjectClaims, request: (sim) => ({ path: project(sim), query: { claims: 'audience,ttl' } }) },
];
