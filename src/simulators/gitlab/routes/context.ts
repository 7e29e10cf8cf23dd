import { SimError, type SimRequest } from '../../core/Simulator.js';
import type { GitLabStore, SimProject, SimUser } from '../store.js';
import { isJsonObject } from '../../core/isJsonObject.js';

/** The token a request carries: `PRIVATE-TOKEN`, `Authorization: Bearer`, or the `private_token` / `access_token` parameter. */
export function tokenOf(req: SimRequest): string | undefined {
  const header = req.headers['private-token'];
  if (header !== undefined && header !== '') return header;
  const authorization = req.headers['authorization'];
  if (authorization?.startsWith('Bearer ') === true) return authorization.slice(7).trim();
  return req.query.get('private_token') ?? req.query.get('access_token') ?? undefined;
}

/** The user of a request, or null when it is anonymous (auth has already refused bad tokens). */
export function userOf(store: GitLabStore, req: SimRequest): SimUser | null {
  const token = tokenOf(req);
  return token === undefined ? null : (store.userByToken(token) ?? null);
}

/** The user of a write; anonymous writes are refused. */
export function writerOf(store: GitLabStore, req: SimRequest): SimUser {
  const user = userOf(store, req);
  if (user === null) throw new SimError(401, '401 Unauthorized');
  return user;
}

/**
 * A request's parameters: GitLab (Grape) reads the query string and a JSON or
 * form body alike.
 */
export function paramsOf(req: SimRequest): Record<string, unknown> {
  const params: Record<string, unknown> = Object.fromEntries(req.query);
  if (typeof req.body === 'string') {
    for (const [key, value] of new URLSearchParams(req.body)) params[key] = value;
  } else if (isJsonObject(req.body)) {
    Object.assign(params, req.body);
  }
  return params;
}

/** A project by `:id` (numeric, or the URL-decoded full path) that the user may see; 404 otherwise, as GitLab hides private projects. */
export function visibleProject(store: GitLabStore, req: SimRequest): SimProject {
  const ref = req.params['id'] ?? '';
  const project = /^\d+$/.test(ref) ? store.projects.find((candidate) => candidate.id === Number(ref)) : store.projectByPath(ref);
  if (project === undefined || !store.canSee(userOf(store, req), project)) throw new SimError(404, '404 Project Not Found');
  return project;
}

/** Refuses a user below an access level on a project (admins pass). */
export function requireLevel(store: GitLabStore, user: SimUser | null, project: SimProject, level: number): void {
  if (user?.admin === true) return;
  if (store.accessLevel(user, project) < level) throw new SimError(403, '403 Forbidden');
}

/** A Grape-style parameter error: `{"error": "<param> is missing"}` and the like. */
export function paramError(message: string): SimError {
  return new SimError(400, message, { error: message });
}

/** A model validation error: `{"message": {"field": ["…"]}}`. */
export function validationError(fields: Record<string, string[]>): SimError {
  return new SimError(400, 'validation failed', { fields });
}

/** A boolean parameter as Grape reads it (`true`, `1`, JSON true). */
export function boolParam(value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (['true', '1', 't', 'yes'].includes(text)) return true;
  if (['false', '0', 'f', 'no'].includes(text)) return false;
  throw paramError('is invalid');
}

/** An integer parameter; null when absent, a 400 when not an integer. */
export function intParam(params: Record<string, unknown>, name: string): number | null {
  const value = params[name];
  if (value === undefined || value === null || value === '') return null;
  const text = String(value).trim();
  if (!/^-?\d+$/.test(text)) throw paramError(`${name} is invalid`);
  return Number(text);
}
