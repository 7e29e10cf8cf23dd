import { GatewayError } from '../errors/GatewayError.js';

/** A decoded global id: the GraphQL type and the service's own key for the object. */
export interface GlobalId {
  readonly typename: string;
  readonly key: string;
}

/**
 * Encodes a Relay global id. Opaque to clients, stable across restarts, and
 * decodable back to the type (and so the service) and its native key.
 */
export function toGlobalId(typename: string, key: string | number): string {
  return Buffer.from(`${typename}:${key}`, 'utf8').toString('base64url');
}

/** Decodes a global id; a malformed one is a `BAD_USER_INPUT` error. */
export function fromGlobalId(id: string): GlobalId {
  const text = /^[A-Za-z0-9_-]+$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const colon = text.indexOf(':');
  const typename = text.slice(0, colon);
  if (colon <= 0 || !/^[A-Z][A-Za-z0-9]*$/.test(typename)) {
    throw new GatewayError('BAD_USER_INPUT', `"${id.slice(0, 80)}" is not a valid node id`);
  }
  return { typename, key: text.slice(colon + 1) };
}

/** The key of a global id of type `typename`; null when `id` is not one (malformed, or of another type). */
export function globalKeyOf(id: string, typename: string): string | null {
  try {
    const decoded = fromGlobalId(id);
    return decoded.typename === typename ? decoded.key : null;
  } catch {
    return null;
  }
}

/** The `id` resolver of a type whose global id is built from one model field. */
export function globalIdOf<T>(typename: string, key: (parent: T) => string | number): (parent: T) => string {
  return (parent) => toGlobalId(typename, key(parent));
}
