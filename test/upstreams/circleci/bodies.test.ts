import { describe, expect, it } from 'vitest';
import { rerunBody, scheduleBody, settingsBody, timetableBody, triggerBody } from '../../../src/upstreams/circleci/bodies.js';

describe('CircleCI request bodies', () => {
  it('builds a trigger body', () => {
    expect(triggerBody({ projectSlug: 'gh/acme/api', branch: 'main', parameters: { deploy: true, n: 2 } })).toEqual({ branch: 'main', parameters: { deploy: true, n: 2 } });
    expect(triggerBody({ projectSlug: 'gh/acme/api', tag: 'v1', branch: null })).toEqual({ tag: 'v1' });
  });

  it('builds a timetable, whole or in part', () => {
    expect(timetableBody({ perHour: 1, hoursOfDay: [0, 23], daysOfWeek: ['MON'] })).toEqual({ 'per-hour': 1, 'hours-of-day': [0, 23], 'days-of-week': ['MON'] });
    // An update may change one part only.
    expect(timetableBody({ daysOfMonth: [1, 31] })).toEqual({ 'days-of-month': [1, 31] });
  });

  it('builds a schedule body in CircleCI names, and an update of only what is given', () => {
    const timetable = { perHour: 1, hoursOfDay: [2], daysOfWeek: ['SAT'] };
    expect(scheduleBody({ name: 'n', timetable, parameters: { branch: 'main' }, attributionActor: 'SYSTEM' }, false)).toEqual({
      name: 'n',
      timetable: { 'per-hour': 1, 'hours-of-day': [2], 'days-of-week': ['SAT'] },
      'attribution-actor': 'system',
      parameters: { branch: 'main' },
    });
    expect(scheduleBody({ description: null }, true)).toEqual({ description: null });
  });

  it('builds rerun and settings bodies', () => {
    expect(rerunBody({ fromFailed: true })).toEqual({ from_failed: true });
    expect(settingsBody({ autocancelBuilds: true, oss: null, prOnlyBranchOverrides: ['main'] })).toEqual({ advanced: { autocancel_builds: true, pr_only_branch_overrides: ['main'] } });
  });
});
