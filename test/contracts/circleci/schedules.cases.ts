import type { ContractCase } from './ContractCase.js';

const nightly = (sim: Parameters<ContractCase['request']>[0]) => sim.store.schedules.find((s) => s.name === 'nightly')!;
const audit = (sim: Parameters<ContractCase['request']>[0]) => sim.store.schedules.find((s) => s.name === 'monthly-audit')!;

export const cases: ContractCase[] = [
  { operationId: 'listSchedulesForProject', request: () => ({ method: 'GET', path: '/project/gh/acme/api/schedule' }) },
  {
    operationId: 'createSchedule',
    request: () => ({
      method: 'POST',
      path: '/project/gh/acme/api/schedule',
      body: {
        name: 'weekend',
        description: 'Weekend builds',
        timetable: { 'per-hour': 1, 'hours-of-day': [3], 'days-of-week': ['SAT', 'SUN'] },
        'attribution-actor': 'system',
        parameters: { branch: 'main' },
      },
    }),
  },
  { operationId: 'getScheduleById', request: (sim) => ({ method: 'GET', path: `/schedule/${nightly(sim).id}` }) },
  {
    operationId: 'updateSchedule',
    request: (sim) => ({ method: 'PATCH', path: `/schedule/${nightly(sim).id}`, body: { timetable: { 'days-of-month': [1] }, description: null } }),
  },
  { operationId: 'deleteScheduleById', request: (sim) => ({ method: 'DELETE', path: `/schedule/${audit(sim).id}` }) },
];
