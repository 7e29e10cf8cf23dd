import { toGlobalId } from './globalId.js';

/** The `id` resolver of a type whose global id is built from one model field. */
export function globalIdOf<T>(typename: string, key: (parent: T) => string | number): (parent: T) => string {
  return (parent) => toGlobalId(typename, key(parent));
}
