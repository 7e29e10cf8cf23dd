import { badUserInput } from '../../errors/GatewayError.js';
import { globalKeyOf, toGlobalId } from '../../relay/globalId.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The CircleCI id in an input that takes either the object's global id or its CircleCI id (a UUID). */
export function assertCircleCiId(id: string, typename: string, field: string): string {
  if (uuidPattern.test(id)) return id;
  const key = globalKeyOf(id, typename);
  if (key === null || !uuidPattern.test(key)) {
    throw badUserInput(`${field} must be a ${typename} global id or a CircleCI id (a UUID)`, [{ field, message: 'not an id of this type' }]);
  }
  return key;
}

/** The global id key of something a project owns by name or fingerprint. */
export function projectItemKey(projectSlug: string, name: string): string {
  return JSON.stringify([projectSlug, name]);
}

/** Reads a key made by {@link projectItemKey}; null when it is not one. */
export function parseProjectItemKey(key: string): { projectSlug: string; name: string } | null {
  try {
    const value: unknown = JSON.parse(key);
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { projectSlug: value[0], name: value[1] };
    }
  } catch {
    // not a key of ours
  }
  return null;
}

/** A schedule's global id from its CircleCI id. */
export const scheduleGlobalId = (id: string): string => toGlobalId('CircleCISchedule', id);
