import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const create = /* GraphQL */ `
  mutation ($input: CircleCICreateScheduleInput!) {
    circleciCreateSchedule(input: $input) {
      schedule { id scheduleId name description projectSlug parameters timetable { perHour hoursOfDay daysOfWeek daysOfMonth months } actor { login } project { slug } }
    }
  }
`;
const update = `mutation ($input: CircleCIUpdateScheduleInput!) { circleciUpdateSchedule(input: $input) { schedule { id name description timetable { perHour hoursOfDay daysOfWeek daysOfMonth } actor { login } } } }`;
const validInput = {
  projectSlug: 'gh/acme/api',
  name: 'weekend',
  description: 'Weekend builds',
  timetable: { perHour: 2, hoursOfDay: [3, 15], daysOfWeek: ['SAT', 'SUN'] },
  parameters: { branch: 'main' },
};

describe('CircleCI schedules through GraphQL', () => {
  it('lists a project\'s schedules and fetches the project once for all of them', async () => {
    const result = await t.gql(
      `{ circleciProject(slug: "gh/acme/api") { schedules { edges { node { name description timetable { perHour hoursOfDay daysOfWeek daysOfMonth months } actor { login name } project { slug } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.['circleciProject'].schedules.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.name)).toEqual(['nightly', 'monthly-audit']);
    expect(nodes[1]).toMatchObject({
      description: null,
      timetable: { perHour: 1, hoursOfDay: [6], daysOfWeek: [], daysOfMonth: [1, 15], months: ['JAN', 'APR', 'JUL', 'OCT'] },
      actor: { login: 'system-actor' },
    });
    // The project and its schedules are asked for together (the schedules need only the slug).
    const log = (await t.requests('circleci')).map((r) => `${r.method} ${r.path}`).sort();
    expect(log).toEqual(['GET /api/v2/project/gh/acme/api', 'GET /api/v2/project/gh/acme/api/schedule']);
  });

  it('creates, reads by node id, updates and deletes a schedule', async () => {
    const created = await t.gql(create, { input: validInput });
    expect(created.errors).toBeUndefined();
    const schedule = created.data?.['circleciCreateSchedule'].schedule;
    expect(schedule).toMatchObject({
      name: 'weekend',
      description: 'Weekend builds',
      projectSlug: 'gh/acme/api',
      parameters: { branch: 'main' },
      timetable: { perHour: 2, hoursOfDay: [3, 15], daysOfWeek: ['SAT', 'SUN'], daysOfMonth: [], months: [] },
      actor: { login: 'ada' },
    });
    const post = (await t.requests('circleci')).find((r) => r.method === 'POST');
    expect(post?.path).toBe('/api/v2/project/gh/acme/api/schedule');

    const node = await t.gql(`query ($id: ID!) { node(id: $id) { ... on CircleCISchedule { scheduleId name } } }`, { id: schedule.id });
    expect(node.data?.['node']).toEqual({ scheduleId: schedule.scheduleId, name: 'weekend' });

    const updated = await t.gql(update, { input: { id: schedule.id, timetable: { daysOfMonth: [1] }, attributionActor: 'SYSTEM', description: null } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.['circleciUpdateSchedule'].schedule).toMatchObject({
      name: 'weekend',
      description: null,
      timetable: { perHour: 2, hoursOfDay: [3, 15], daysOfWeek: [], daysOfMonth: [1] },
      actor: { login: 'system-actor' },
    });

    const deleted = await t.gql(`mutation ($input: CircleCIDeleteScheduleInput!) { circleciDeleteSchedule(input: $input) { message deletedScheduleId } }`, {
      input: { id: schedule.scheduleId },
    });
    expect(deleted.data?.['circleciDeleteSchedule']).toEqual({ message: 'Schedule deleted.', deletedScheduleId: schedule.id });
    const gone = await t.gql(`query ($id: ID!) { circleciSchedule(id: $id) { name } }`, { id: schedule.scheduleId });
    expect(gone.data?.['circleciSchedule']).toBeNull();
  });

  it('refuses timetables out of range and parameters without branch or tag before calling CircleCI', async () => {
    const cases = [
      { ...validInput, timetable: { ...validInput.timetable, perHour: 61 } },
      { ...validInput, timetable: { ...validInput.timetable, hoursOfDay: [24] } },
      { ...validInput, timetable: { perHour: 1, hoursOfDay: [1], daysOfMonth: [32] } },
      { ...validInput, timetable: { perHour: 1, hoursOfDay: [1], daysOfWeek: ['MON'], daysOfMonth: [1] } },
      { ...validInput, timetable: { perHour: 1, hoursOfDay: [1] } },
      { ...validInput, parameters: { deploy: true } },
      { ...validInput, projectSlug: 'acme' },
    ];
    for (const input of cases) {
      const result = await t.gql(create, { input });
      expect(result.errors?.[0]?.extensions?.['code'], JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    const updateBad = await t.gql(update, { input: { id: 'not-an-id', name: 'x' } });
    expect(updateBad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await t.requests('circleci')).toEqual([]);
  });
});
