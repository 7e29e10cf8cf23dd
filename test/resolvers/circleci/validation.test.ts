import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/errors/GatewayError.js';
import { assertProjectEnvVarName, assertRerunInput, assertScheduleInput, assertSettingsInput, assertTimetable, assertTriggerInput } from '../../../src/resolvers/circleci/validation.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof GatewayError ? error.code : 'OTHER';
  }
  return undefined;
}

describe('CircleCI mutation input checks', () => {
  it('refuses branch with tag, bad slugs and non-scalar parameters in a trigger', () => {
    expect(codeOf(() => assertTriggerInput({ projectSlug: 'gh/acme/api', branch: 'main', parameters: { deploy: true, n: 2 } }))).toBeUndefined();
    expect(codeOf(() => assertTriggerInput({ projectSlug: 'gh/acme/api', branch: 'main', tag: 'v1' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertTriggerInput({ projectSlug: 'acme/api' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertTriggerInput({ projectSlug: 'gh/acme/api', parameters: { nested: { a: 1 } } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertTriggerInput({ projectSlug: 'gh/acme/api', parameters: { ratio: 1.5 } }))).toBe('BAD_USER_INPUT');
  });

  it('checks timetable ranges', () => {
    expect(codeOf(() => assertTimetable({ perHour: 1, hoursOfDay: [0, 23], daysOfWeek: ['MON'] }, false))).toBeUndefined();
    expect(codeOf(() => assertTimetable({ perHour: 0, hoursOfDay: [1], daysOfWeek: ['MON'] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertTimetable({ perHour: 61, hoursOfDay: [1], daysOfWeek: ['MON'] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertTimetable({ perHour: 1, hoursOfDay: [24], daysOfWeek: ['MON'] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertTimetable({ perHour: 1, hoursOfDay: [1, 1], daysOfWeek: ['MON'] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertTimetable({ perHour: 1, hoursOfDay: [1], daysOfMonth: [0] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertTimetable({ perHour: 1, hoursOfDay: [1], daysOfMonth: [32] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertTimetable({ perHour: 1, hoursOfDay: [1], daysOfWeek: ['MON'], daysOfMonth: [1] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertTimetable({ perHour: 1, hoursOfDay: [1] }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertTimetable({ perHour: 1, hoursOfDay: [1], daysOfWeek: ['UNKNOWN'] }, false))).toBe('BAD_USER_INPUT');
    // An update may change one part only.
    expect(codeOf(() => assertTimetable({ daysOfMonth: [1, 31] }, true))).toBeUndefined();
  });

  it('needs branch or tag in schedule parameters and something to change in an update', () => {
    const timetable = { perHour: 1, hoursOfDay: [2], daysOfWeek: ['SAT'] };
    expect(codeOf(() => assertScheduleInput({ name: 'n', timetable, parameters: { branch: 'main' }, attributionActor: 'SYSTEM' }, false))).toBeUndefined();
    expect(codeOf(() => assertScheduleInput({ name: 'n', timetable, parameters: { deploy: true } }, false))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertScheduleInput({}, true))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertScheduleInput({ description: null }, true))).toBeUndefined();
  });

  it('checks env var names', () => {
    expect(assertProjectEnvVarName('AWS_REGION_2')).toBe('AWS_REGION_2');
    expect(codeOf(() => assertProjectEnvVarName('2FAST'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertProjectEnvVarName('MY-VAR'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertProjectEnvVarName(''))).toBe('BAD_USER_INPUT');
  });

  it('checks rerun and settings inputs', () => {
    expect(codeOf(() => assertRerunInput({ fromFailed: true }))).toBeUndefined();
    expect(codeOf(() => assertRerunInput({ fromFailed: true, jobIds: ['3b1c2b5a-48a6-4c2e-8a73-6b2b1f2e9d01'] }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertRerunInput({ jobIds: ['not-a-uuid'] }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertSettingsInput({ autocancelBuilds: true, oss: null, prOnlyBranchOverrides: ['main'] }))).toBeUndefined();
    expect(codeOf(() => assertSettingsInput({}))).toBe('BAD_USER_INPUT');
  });
});
