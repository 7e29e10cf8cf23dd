import type { SimCheckoutKey, SimEnvVar, SimSchedule, SimUser } from './store.js';

/** An environment variable with its value masked as CircleCI shows it: `xxxx` and the last four characters. */
export function envVarJson(envVar: SimEnvVar): Record<string, unknown> {
  return { name: envVar.name, value: `xxxx${envVar.value.slice(-4)}`, 'created-at': envVar.createdAt };
}

/** A checkout key; `digest` picks the fingerprint form (md5 unless asked). */
export function checkoutKeyJson(key: SimCheckoutKey, preferred: boolean, digest: 'md5' | 'sha256' = 'md5'): Record<string, unknown> {
  return {
    'public-key': key.publicKey,
    type: key.type,
    fingerprint: digest === 'sha256' ? key.sha256 : key.md5,
    preferred,
    'created-at': key.createdAt,
  };
}

/** A schedule in CircleCI's kebab-case keys. */
export function scheduleJson(schedule: SimSchedule): Record<string, unknown> {
  return {
    id: schedule.id,
    timetable: schedule.timetable,
    'updated-at': schedule.updatedAt,
    name: schedule.name,
    'created-at': schedule.createdAt,
    'project-slug': schedule.projectSlug,
    parameters: schedule.parameters,
    actor: schedule.actor,
    description: schedule.description,
  };
}

/** A user as `GET /me` and `GET /user/{id}` send it. */
export function userJson(user: SimUser): Record<string, unknown> {
  return { id: user.id, login: user.login, name: user.name };
}
