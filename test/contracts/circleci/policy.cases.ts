import { policyState } from '../../../src/simulators/circleci/admin/policy.js';
import { circleCiOperations as ops } from '../../../src/upstreams/circleci/operations.js';
import type { ContractCase } from './ContractCase.js';
import { acmeOrg } from './helpers.admin.js';

type Sim = Parameters<ContractCase['request']>[0];
const scope = (sim: Sim) => ({ ownerID: acmeOrg(sim).id, context: 'config' });
const decisionId = (sim: Sim) => policyState(sim.store).owners.get(acmeOrg(sim).id)!.decisions[0]!.id;

export const cases: ContractCase[] = [
  { operation: ops.GetDecisionLogs, request: (sim) => ({ path: scope(sim), query: { branch: 'main' } }) },
  { operation: ops.MakeDecision, request: (sim) => ({ path: scope(sim), body: { input: 'jobs: {}\n' } }) },
  { operation: ops.GetDecisionSettings, request: (sim) => ({ path: scope(sim) }) },
  { operation: ops.SetDecisionSettings, request: (sim) => ({ path: scope(sim), body: { enabled: true } }) },
  { operation: ops.GetDecisionLog, request: (sim) => ({ path: { ...scope(sim), decisionID: decisionId(sim) } }) },
  { operation: ops.GetDecisionLogPolicyBundle, request: (sim) => ({ path: { ...scope(sim), decisionID: decisionId(sim) } }) },
  { operation: ops.GetPolicyBundle, request: (sim) => ({ path: scope(sim) }) },
  {
    operation: ops.CreatePolicyBundle,
    request: (sim) => ({
      path: scope(sim),
      query: { dry: 'true' },
      body: { policies: { require_version: 'package org\n\npolicy_name["require_version"]\n', extra: 'package org\n' } },
    }),
  },
  { operation: ops.GetPolicyDocument, request: (sim) => ({ path: { ...scope(sim), policyName: 'require_version' } }) },
];
