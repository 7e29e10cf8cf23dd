/**
 * Arrays and objects nested deeper than this in a request's JSON (body,
 * GET variables and extensions, WebSocket subscribe payload) are refused:
 * GraphQL variables have no use for more, and recursive code on the way
 * (graphql-js's input coercion, cache keys) would exhaust the stack on it.
 */
export const maxJsonDepth = 64;

/** Whether a parsed JSON value nests arrays and objects more than `max` levels deep; counted without recursion. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: { readonly value: object; readonly depth: number }[] = [];
  if (value !== null && typeof value === 'object') pending.push({ value, depth: 1 });
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.depth > max) return true;
    for (const child of Array.isArray(next.value) ? (next.value as unknown[]) : Object.values(next.value)) {
      if (child !== null && typeof child === 'object') pending.push({ value: child, depth: next.depth + 1 });
    }
  }
  return false;
}
