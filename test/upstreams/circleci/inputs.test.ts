import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/errors/GatewayError.js';
import { checkEnvVarName, rerunBody, scheduleBody, settingsBody, timetableBody, triggerBody } from '../../../src/upstreams/circleci/inputs.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof GatewayError ? error.code : 'OTHER';
  }
  return undefined;
}

describe('CircleCI mutation input checks', () => {
  it('builds a trigger body and refuses branch with tag, bad slugs and non-scalar parameters', () => {
    expect(triggerBody({ projectSlug: 'gh/acme/api', branch: 'main', parameters: { deploy: true, n: 2 } })).toEqual({ branch: 'main', parameters: { deploy: true, n: 2 } });
    expect(triggerBody({ projectSlug: 'gh/acme/api', tag: 'v1', branch: null })).toEqual({ tag: 'v1' });
    expect(codeOf(() => triggerBody({ projectSlug: 'gh/acme/api', branch: 'main', tag: 'v1' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => triggerBody({ projectSlug: 'acme/api' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => triggerBody({ projectSlug: 'gh/acme/api', parameters: { nested: { a: 1 } } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => triggerBody({ projectSlug: 'gh/acme/api', parameters: { ratio: 1.5 } }))).toBe('BAD_USER_INPUT');
  });

  it('checks timetable ranges', () => {
    expect(timetableBody({ perHour: 1, hoursOfDay: [0, 23], daysOfWeek: ['MON'] }, false)).toEqual({ 'per-hour': 1, 'hours-of-day': [0, 23], 'days-of-week': ['MON'] });
    expect(codeOf(() => timetableBody({ perHour: 0, hoursOfDay: [1], daysOfWeek: ['MON'] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => timetableBody({ perHour: 61, hoursOfDay: [1], daysOfWeek: ['MON'] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => timetableBody({ perHour: 1, hoursOfDay: [24], daysOfWeek: ['MON'] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => timetableBody({ perHour: 1, hoursOfDay: [1, 1], daysOfWeek: ['MON'] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => timetableBody({ perHour: 1, hoursOfDay: [1], daysOfMonth: [0] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => timetableBody({ perHour: 1, hoursOfDay: [1], daysOfMonth: [32] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => timetableBody({ perHour: 1, hoursOfDay: [1], daysOfWeek: ['MON'], daysOfMonth: [1] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => timetableBody({ perHour: 1, hoursOfDay: [1] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => timetableBody({ perHour: 1, hoursOfDay: [1], daysOfWeek: ['UNKNOWN'] }, false))).toBe('BAD_USER_INPUT');
    // An update may change one part only.
    expect(timetableBody({ daysOfMonth: [1, 31] }, true)).toEqual({ 'days-of-month': [1, 31] });
  });

  it('needs branch or tag in schedule parameters and something to change in an update', () => {
    const timetable = { perHour: 1, hoursOfDay: [2], daysOfWeek: ['SAT'] };
    expect(scheduleBody({ name: 'n', timetable, parameters: { branch: 'main' }, attributionActor: 'SYSTEM' }, false)).toEqual({
      name: 'n',
      timetable: { 'per-hour': 1, 'hours-of-day': [2], 'days-of-week': ['SAT'] },
      'attribution-actor': 'system',
      parameters: { branch: 'main' },
    });
    expect(codeOf(() => scheduleBody({ name: 'n', timetable, parameters: { deploy: true } }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => scheduleBody({}, true))).toBe('BAD_USER_INPUT');
    expect(scheduleBody({ description: null }, true)).toEqual({ description: null });
  });

  it('checks env var names', () => {
    expect(checkEnvVarName('AWS_REGION_2')).toBe('AWS_REGION_2');
    expect(codeOf(() => checkEnvVarName('2FAST'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkEnvVarName('MY-VAR'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkEnvVarName(''))).toBe('BAD_USER_INPUT');
  });

  it('builds rerun and settings bodies', () => {
    expect(rerunBody({ fromFailed: true })).toEqual({ from_failed: true });
    expect(codeOf(() => rerunBody({ fromFailed: true, jobIds: ['3b1c2b5a-48a6-4c2e-8a73-6b2b1f2e9d01'] }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => rerunBody({ jobIds: ['not-a-uuid'] }))).toBe('BAD_USER_INPUT');
    expect(settingsBody({ autocancelBuilds: true, oss: null, prOnlyBranchOverrides: ['main'] })).toEqual({ advanced: { autocancel_builds: true, pr_only_branch_overrides: ['main'] } });
    expect(codeOf(() => settingsBody({}))).toBe('BAD_USER_INPUT');
  });
});
