/**
 * FlexStack ids: 22 base58 characters, a UUID, or 32 hex digits, as its API
 * reference states for every `id`, `org_id` and path parameter.
 */
export const flexStackIdPattern =
  /(^[123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz]{22}$)|(^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)|(^[0-9a-f]{32}$)/;

/** A project icon: `icon:<name>`, `emoji:<emoji>` or `url:<url>`. */
export const flexStackIconPattern = /^(icon|emoji|url):(.+)$/;

/** FlexStack's bounds on a list's `limit`. */
export const flexStackMaxLimit = 240;

/** How many member ids one add-members call takes. */
export const flexStackMaxMembersPerAdd = 100;

/** Whether a string has the shape of a FlexStack id. */
export function isFlexStackId(value: string): boolean {
  return flexStackIdPattern.test(value);
}
