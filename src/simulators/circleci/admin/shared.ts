import { SimError, type SimRequest, type SimResponse } from '../../core/Simulator.js';
import type { CircleCiStore, SimOrg, SimUser } from '../store.js';
import { userOf } from '../routes/context.js';
import { isJsonObject } from '../../core/isJsonObject.js';

/** Per-store state of one area, created on first use from the store's seeded data. */
export function areaState<T>(create: (store: CircleCiStore) => T): (store: CircleCiStore) => T {
  const states = new WeakMap<CircleCiStore, T>();
  return (store) => {
    let state = states.get(store);
    if (state === undefined) {
      state = create(store);
      states.set(store, state);
    }
    return state;
  };
}

/** A UUID, as CircleCI ids are. */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `{ "error" }` body the OIDC and policy services answer with. */
export function errorBody(status: number, error: string): SimResponse {
  return { status, body: { error } };
}

/** A failure answered as `{ "error" }` rather than the usual `{ "message" }`. */
export class SimErrorField extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Runs a handler whose failures answer `{ "error" }`. */
export function withErrorField(handler: (req: SimRequest) => SimResponse): (req: SimRequest) => SimResponse {
  return (req) => {
    try {
      return handler(req);
    } catch (error) {
      if (error instanceof SimErrorField) return errorBody(error.status, error.message);
      if (error instanceof SimError) return errorBody(error.status, error.message);
      throw error;
    }
  };
}

/** An organization by id that the user belongs to; others answer as the caller says. */
export function orgOfUser(store: CircleCiStore, user: SimUser, orgId: string): SimOrg | undefined {
  const org = store.orgs.find((candidate) => candidate.id === orgId);
  return org !== undefined && user.orgs.includes(org.slug) ? org : undefined;
}

/** The user of a request and the organization (by id) it names, or a 403/404. */
export function requireOrg(store: CircleCiStore, req: SimRequest, orgId: string, status: 403 | 404, fieldErrors = false): SimOrg {
  const org = orgOfUser(store, userOf(store, req), orgId);
  if (org !== undefined) return org;
  const message = status === 403 ? 'Forbidden' : 'Organization not found';
  throw fieldErrors ? new SimErrorField(status, message) : new SimError(status, message);
}

/** The JSON body as an object, or an empty one. */
export function bodyOf(req: SimRequest): Record<string, unknown> {
  return isJsonObject(req.body) ? req.body : {};
}

/** A fixed point all seeded timestamps count back from, so they agree across runs. */
export const seedEpoch = Date.parse('2026-01-15T12:00:00.000Z');
/** An epoch millisecond as an ISO-8601 string. */
export const isoAt = (ms: number): string => new Date(ms).toISOString();
