import { randomUUID } from 'node:crypto';
import { SimError, type SimRequest } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { scheduleJson } from '../serializeProjectExtras.js';
import type { CircleCiStore, Month, SimSchedule, SimTimetable, Weekday } from '../store.js';
import { itemsPage, userOf, visibleProject } from './context.js';
import { bodyObject, parametersOf } from './lookup.js';
import { isJsonObject } from '../../core/isJsonObject.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

const weekdays: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const months: readonly Month[] = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function intList(value: unknown, field: string, min: number, max: number): number[] {
  if (!Array.isArray(value) || value.some((item) => !Number.isInteger(item) || item < min || item > max)) {
    throw new SimError(400, `${field} must be a list of integers between ${min} and ${max}`);
  }
  return value as number[];
}

function nameList<T extends string>(value: unknown, field: string, known: readonly T[]): T[] {
  if (!Array.isArray(value) || value.some((item) => !known.includes(item as T))) throw new SimError(400, `${field} must be a list of ${known.join(', ')}`);
  return value as T[];
}

/** Validates a whole timetable as CircleCI does: days of week or of month, never both. */
export function timetableOf(value: unknown): SimTimetable {
  if (!isJsonObject(value)) throw new SimError(400, 'timetable is required');
  const raw = value as Record<string, unknown>;
  const perHour = raw['per-hour'];
  if (!Number.isInteger(perHour) || (perHour as number) < 1 || (perHour as number) > 60) throw new SimError(400, 'per-hour must be between 1 and 60');
  const timetable: SimTimetable = { 'per-hour': perHour as number, 'hours-of-day': intList(raw['hours-of-day'], 'hours-of-day', 0, 23) };
  const hasWeek = raw['days-of-week'] !== undefined && (raw['days-of-week'] as unknown[]).length > 0;
  const hasMonth = raw['days-of-month'] !== undefined && (raw['days-of-month'] as unknown[]).length > 0;
  if (hasWeek === hasMonth) throw new SimError(400, 'Exactly one of days-of-week and days-of-month must be given.');
  if (hasWeek) timetable['days-of-week'] = nameList(raw['days-of-week'], 'days-of-week', weekdays);
  if (hasMonth) timetable['days-of-month'] = intList(raw['days-of-month'], 'days-of-month', 1, 31);
  if (raw['months'] !== undefined) timetable.months = nameList(raw['months'], 'months', months);
  return timetable;
}

function actorFor(store: CircleCiStore, req: SimRequest, attribution: unknown): SimSchedule['actor'] {
  if (attribution !== 'current' && attribution !== 'system') throw new SimError(400, 'attribution-actor must be current or system');
  if (attribution === 'system') return { id: '00000000-0000-0000-0000-000000000000', login: 'system-actor', name: 'Scheduled Pipelines' };
  const user = userOf(store, req);
  return { id: user.id, login: user.login, name: user.name };
}

function checkParameters(value: unknown): Record<string, string | number | boolean> {
  const parameters = parametersOf(value);
  if (parameters['branch'] === undefined && parameters['tag'] === undefined) throw new SimError(400, 'parameters must contain branch or tag');
  return parameters;
}

function visibleSchedule(store: CircleCiStore, req: SimRequest): SimSchedule {
  const user = userOf(store, req);
  const schedule = store.schedules.find((candidate) => candidate.id === req.params['schedule-id']);
  if (schedule === undefined || !store.canSee(user, schedule.projectSlug)) throw new SimError(404, 'Schedule not found.');
  return schedule;
}

/** Scheduled pipelines. */
export function scheduleRoutes(router: Router, store: CircleCiStore): void {
  router.on(ops.listSchedulesForProject, (req) => {
    const project = visibleProject(store, req, req.params['project-slug'] ?? '');
    return itemsPage(req, store.schedules.filter((schedule) => schedule.projectSlug === project.slug), scheduleJson);
  });

  router.on(ops.createSchedule, (req) => {
    const project = visibleProject(store, req, req.params['project-slug'] ?? '');
    const body = bodyObject(req);
    const name = body['name'];
    if (typeof name !== 'string' || name.trim() === '') throw new SimError(400, 'name is required');
    const description = body['description'];
    if (description !== undefined && description !== null && typeof description !== 'string') throw new SimError(400, 'description must be a string');
    const timetable = timetableOf(body['timetable']);
    const actor = actorFor(store, req, body['attribution-actor']);
    const parameters = checkParameters(body['parameters']);
    // [guess] CircleCI refuses a second schedule of the same name in a project.
    if (store.schedules.some((schedule) => schedule.projectSlug === project.slug && schedule.name === name)) throw new SimError(400, 'A schedule with this name already exists.');
    const now = new Date().toISOString();
    const schedule: SimSchedule = { id: randomUUID(), name, description: description ?? null, projectSlug: project.slug, timetable, parameters, actor, createdAt: now, updatedAt: now };
    store.schedules.push(schedule);
    return { status: 201, body: scheduleJson(schedule) };
  });

  router.on(ops.getScheduleById, (req) => ({ status: 200, body: scheduleJson(visibleSchedule(store, req)) }));

  router.on(ops.updateSchedule, (req) => {
    const schedule = visibleSchedule(store, req);
    const body = bodyObject(req);
    const name = body['name'];
    if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) throw new SimError(400, 'name must be a non-empty string');
    const description = body['description'];
    if (description !== undefined && description !== null && typeof description !== 'string') throw new SimError(400, 'description must be a string');
    let timetable = schedule.timetable;
    if (body['timetable'] !== undefined) {
      const patch = bodyObject({ ...req, body: body['timetable'] }, 'timetable must be an object');
      const merged: Record<string, unknown> = { ...schedule.timetable, ...patch };
      // The two kinds of day exclude each other: sending one replaces the other.
      if (patch['days-of-week'] !== undefined) delete merged['days-of-month'];
      if (patch['days-of-month'] !== undefined) delete merged['days-of-week'];
      timetable = timetableOf(merged);
    }
    const actor = body['attribution-actor'] === undefined ? schedule.actor : actorFor(store, req, body['attribution-actor']);
    const parameters = body['parameters'] === undefined ? schedule.parameters : checkParameters(body['parameters']);
    if (typeof name === 'string') schedule.name = name;
    if (description !== undefined) schedule.description = description as string | null;
    schedule.timetable = timetable;
    schedule.actor = actor;
    schedule.parameters = parameters;
    schedule.updatedAt = new Date().toISOString();
    return { status: 200, body: scheduleJson(schedule) };
  });

  router.on(ops.deleteScheduleById, (req) => {
    const schedule = visibleSchedule(store, req);
    store.schedules.splice(store.schedules.indexOf(schedule), 1);
    return { status: 200, body: { message: 'Schedule deleted.' } };
  });
}
