import { SimError } from './Simulator.js';

/** An opaque page token holding an offset, as a service would mint it. */
export function offsetToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

/** Reads a token made by {@link offsetToken}; a foreign one is a 400. */
export function offsetFromToken(token: string | null): number {
  if (token === null || token === '') return 0;
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const match = /^offset:(\d+)$/.exec(text);
  if (!match) throw new SimError(400, 'Invalid page token');
  return Number(match[1]);
}

/** One page of a list from an offset, and the offset of the next page (null on the last): the slicing every simulator's paging shares. */
export function pageFrom<T>(items: readonly T[], offset: number, size: number): { items: T[]; nextOffset: number | null } {
  const slice = items.slice(offset, offset + size);
  return { items: slice, nextOffset: offset + size < items.length ? offset + size : null };
}
