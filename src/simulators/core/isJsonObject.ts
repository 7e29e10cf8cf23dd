/** Whether a parsed JSON value is an object (not null, not an array), as request bodies and their fields must often be. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
