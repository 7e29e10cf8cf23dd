import { badUserInput } from '../../../errors/GatewayError.js';
import { globalKeyOf } from '../../../relay/globalId.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID, as CircleCI ids are. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** A UUID argument, or `BAD_USER_INPUT` naming the field. */
export function assertUuid(value: string, field: string): string {
  if (!isUuid(value)) throw badUserInput(`${field} must be a UUID, got "${value.slice(0, 80)}"`, [{ field, message: 'must be a UUID' }]);
  return value;
}

/**
 * The CircleCI id behind an argument that takes either the object's global
 * id or its native UUID.
 */
export function assertNativeUuid(value: string, typename: string, field: string): string {
  if (isUuid(value)) return value;
  const id = globalKeyOf(value, typename)?.split('/').at(-1) ?? '';
  if (!isUuid(id)) throw badUserInput(`${field} must be a ${typename} id or a UUID`, [{ field, message: `not a ${typename} id` }]);
  return id;
}

/** A required, trimmed, non-empty string of at most `max` characters. */
export function assertText(value: string, field: string, max = 1024): string {
  const text = value.trim();
  if (text === '' || text.length > max) throw badUserInput(`${field} must be 1 to ${max} characters`, [{ field, message: 'empty or too long' }]);
  return text;
}

/** A project slug `vcs/org/repo`. */
export function assertProjectSlug(value: string, field = 'projectSlug'): string {
  if (!/^[^/\s]+\/[^/\s]+\/[^/\s]+$/.test(value)) throw badUserInput(`${field} must look like gh/org/repo`, [{ field, message: 'not a project slug' }]);
  return value;
}

/** An organization slug `vcs/org`. */
export function assertOrgSlug(value: string, field = 'orgSlug'): string {
  if (!/^[^/\s]+\/[^/\s]+$/.test(value)) throw badUserInput(`${field} must look like gh/org`, [{ field, message: 'not an organization slug' }]);
  return value;
}

/** Checks that `from` is not after `to` when both are given. */
export function assertOrderedDates(from: string | null | undefined, to: string | null | undefined, fields: readonly [string, string]): void {
  if (from != null && to != null && Date.parse(from) > Date.parse(to)) {
    throw badUserInput(`${fields[0]} must not be after ${fields[1]}`, [{ field: fields[0], message: `after ${fields[1]}` }]);
  }
}
