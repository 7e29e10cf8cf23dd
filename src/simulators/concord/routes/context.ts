import { SimError, type SimRequest } from '../../core/Simulator.js';
import type { ConcordStore, SimOrg, SimProject, SimTeam, SimUser } from '../store.js';
import { concordKeyPattern } from '../../../upstreams/concord/names.js';

/** Concord's content type for validation errors. */
export const validationContentType = 'application/vnd.concord-validation-errors-v1+json';

/** The API key a request carries: the `Authorization` value itself, or after `Bearer `. */
export function apiKeyOf(req: SimRequest): string | undefined {
  const header = req.headers['authorization']?.trim();
  if (header === undefined || header === '') return undefined;
  return header.startsWith('Bearer ') ? header.slice(7).trim() : header;
}

/** The authenticated user (auth has already passed). */
export function userOf(store: ConcordStore, req: SimRequest): SimUser {
  const user = store.userByKey(apiKeyOf(req) ?? '');
  if (user === undefined) throw new SimError(401, 'Authentication required');
  return user;
}

/** A 400 with Concord's `[{ id, message }]` validation body. */
export function validationError(errors: readonly { id: string; message: string }[]): SimError {
  return new SimError(400, errors.map((error) => error.message).join('; '), { validation: errors });
}

/** A path parameter holding a name: `@ConcordKey` on every one, else Concord's 400 validation error. */
export function keyParam(req: SimRequest, param: string): string {
  const value = req.params[param] ?? '';
  if (!concordKeyPattern.test(value)) throw validationError([{ id: param, message: `must match "${concordKeyPattern.source}"` }]);
  return value;
}

/**
 * A request's JSON body, read as the server's Jackson reader does: a body
 * sent as another media type is 415, and text that is not JSON (a bare
 * string) is 400.
 */
export function jsonBodyOf(req: SimRequest): unknown {
  if (req.rawBody === '') return undefined;
  if (req.headers['content-type']?.includes('application/json') !== true) throw new SimError(415, 'HTTP 415 Unsupported Media Type');
  try {
    return JSON.parse(req.rawBody) as unknown;
  } catch {
    throw new SimError(400, `Unrecognized token '${req.rawBody.slice(0, 40)}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`);
  }
}

/** The organization of `{orgName}`, or Concord's 404. */
export function orgOf(store: ConcordStore, req: SimRequest): SimOrg {
  const name = keyParam(req, 'orgName');
  const org = store.orgByName(name);
  if (org === undefined) throw new SimError(404, `Organization not found: ${name}`);
  return org;
}

/** The project `{projectName}` in `{orgName}`, or Concord's 404. */
export function projectOf(store: ConcordStore, req: SimRequest): { org: SimOrg; project: SimProject } {
  const org = orgOf(store, req);
  const name = keyParam(req, 'projectName');
  const project = store.projectIn(org.id, name);
  if (project === undefined) throw new SimError(404, `Project not found: ${name}`);
  return { org, project };
}

/** The team `{teamName}` in `{orgName}`, or Concord's 404. */
export function teamOf(store: ConcordStore, req: SimRequest): SimTeam {
  const org = orgOf(store, req);
  const name = keyParam(req, 'teamName');
  const team = store.teams.find((candidate) => candidate.orgId === org.id && candidate.name === name);
  if (team === undefined) throw new SimError(404, `Team not found: ${name}`);
  return team;
}

/** Writes need an admin; other users get Concord's 403 text. */
export function assertCanWrite(store: ConcordStore, req: SimRequest, what: string): void {
  if (!userOf(store, req).admin) throw new SimError(403, `The current user does not have permissions to update ${what}`);
}
