import { circleCiOperations as ops } from '../../../src/upstreams/circleci/operations.js';
import type { ContractCase } from './ContractCase.js';

const nightly = (sim: Parameters<ContractCase['request']>[0]) => sim.store.schedules.find((s) => s.name === 'nightly')!;
const audit = (sim: Parameters<ContractCase['request']>[0]) => sim.store.schedules.find((s) => s.name === 'monthly-audit')!;

export const cases: ContractCase[] = [
  { operation: ops.listSchedulesForProject, request: () => ({ path: { 'project-slug': 'gh/acme/api' } }) },
  {
    operation: ops.createSchedule,
    request: () => ({
      path: { 'project-slug': 'gh/acme/api' },
      body: {
        name: 'weekend',
        description: 'Weekend builds',
        timetable: { 'per-hour': 1, 'hours-of-day': [3], 'days-of-week': ['SAT', 'SUN'] },
        'attribution-actor': 'system',
        parameters: { branch: 'main' },
      },
    }),
  },
  { operation: ops.getScheduleById, request: (sim) => ({ path: { 'schedule-id': nightly(sim).id } }) },
  {
    operation: ops.updateSchedule,
    request: (sim) => ({ path: { 'schedule-id': nightly(sim).id }, body: { timetable: { 'days-of-month': [1] }, description: null } }),
  },
  { operation: ops.deleteScheduleById, request: (sim) => ({ path: { 'schedule-id': audit(sim).id } }) },
];
