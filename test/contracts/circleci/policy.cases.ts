import { policyState } from '../../../src/simulators/circleci/admin/policy.js';
import type { ContractCase } from './ContractCase.js';
import { acmeOrg } from './helpers.admin.js';

type Sim = Parameters<ContractCase['request']>[0];
const base = (sim: Sim) => `/owner/${acmeOrg(sim).id}/context/config`;
const decisionId = (sim: Sim) => policyState(sim.store).owners.get(acmeOrg(sim).id)!.decisions[0]!.id;

export const cases: ContractCase[] = [
  { operationId: 'GetDecisionLogs', request: (sim) => ({ method: 'GET', path: `${base(sim)}/decision`, query: { branch: 'main' } }) },
  { operationId: 'MakeDecision', request: (sim) => ({ method: 'POST', path: `${base(sim)}/decision`, body: { input: 'jobs: {}\n' } }) },
  { operationId: 'GetDecisionSettings', request: (sim) => ({ method: 'GET', path: `${base(sim)}/decision/settings` }) },
  { operationId: 'SetDecisionSettings', request: (sim) => ({ method: 'PATCH', path: `${base(sim)}/decision/settings`, body: { enabled: true } }) },
  { operationId: 'GetDecisionLog', request: (sim) => ({ method: 'GET', path: `${base(sim)}/decision/${decisionId(sim)}` }) },
  { operationId: 'GetDecisionLogPolicyBundle', request: (sim) => ({ method: 'GET', path: `${base(sim)}/decision/${decisionId(sim)}/policy-bundle` }) },
  { operationId: 'GetPolicyBundle', request: (sim) => ({ method: 'GET', path: `${base(sim)}/policy-bundle` }) },
  {
    operationId: 'CreatePolicyBundle',
    request: (sim) => ({
      method: 'POST',
      path: `${base(sim)}/policy-bundle`,
      query: { dry: 'true' },
      body: { policies: { require_version: 'package org\n\npolicy_name["require_version"]\n', extra: 'package org\n' } },
    }),
  },
  { operationId: 'GetPolicyDocument', request: (sim) => ({ method: 'GET', path: `${base(sim)}/policy-bundle/require_version` }) },
];
