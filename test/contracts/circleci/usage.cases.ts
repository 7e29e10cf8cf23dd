import { usageState } from '../../../src/simulators/circleci/admin/usage.js';
import { circleCiOperations as ops } from '../../../src/upstreams/circleci/operations.js';
import type { ContractCase } from './ContractCase.js';
import { acmeOrg } from './helpers.admin.js';

const day = 86_400_000;

export const cases: ContractCase[] = [
  {
    operation: ops.createUsageExport,
    request: (sim) => ({
      path: { org_id: acmeOrg(sim).id },
      body: { start: new Date(Date.now() - 10 * day).toISOString(), end: new Date(Date.now() - day).toISOString() },
    }),
  },
  {
    operation: ops.getUsageExport,
    request: (sim) => {
      const state = usageState(sim.store);
      if (state.jobs.length === 0) {
        const now = Date.now();
        state.jobs.push({ id: '5b1f0d5c-1b1e-4d8e-9d3a-0c6f7e1a2b3c', orgId: acmeOrg(sim).id, start: new Date(now - 2 * day).toISOString(), end: new Date(now).toISOString(), state: 'processing' });
      }
      return { path: { org_id: acmeOrg(sim).id, usage_export_job_id: state.jobs[0]!.id } };
    },
  },
];
