import { badUserInput } from '../../errors/GatewayError.js';
import { fromGlobalId } from '../../relay/globalId.js';
import { ghesIdPattern } from '../../upstreams/ghes/pathParams.js';

/** The GHES numeric id inside a global id of the given type; anything else is `BAD_USER_INPUT`. */
export function assertGhesId(id: string, typename: string): number {
  const { typename: actual, key } = fromGlobalId(id);
  if (actual !== typename || !ghesIdPattern.test(key)) {
    throw badUserInput(`"${id.slice(0, 80)}" is not the id of a ${typename}`, [{ field: 'id', message: `expected a ${typename} id` }]);
  }
  return Number(key);
}

/** A numeric key from `node(id:)`, or null when it cannot name a GHES object. */
export function numericKey(key: string): number | null {
  return ghesIdPattern.test(key) ? Number(key) : null;
}

/** A GraphQL enum value as GHES spells it in a query parameter. */
export function lowerOrNull(value: string | null | undefined): string | null {
  return value == null ? null : value.toLowerCase();
}
