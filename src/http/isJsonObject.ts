/** Whether a parsed JSON value is an object (not null, not an array): a body or field whose members may be read. */
export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
