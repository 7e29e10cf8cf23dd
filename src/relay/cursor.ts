import { GatewayError } from '../errors/GatewayError.js';

/**
 * The position of one edge: the upstream page it came from (the service's
 * own page token, or null for the first page) and its index in that page.
 */
export interface PagePosition {
  readonly token: string | null;
  readonly index: number;
}

/** Encodes a position as an opaque cursor. */
export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.token, position.index]), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}; anything else is `BAD_USER_INPUT`. */
export function decodeCursor(cursor: string): PagePosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (value[0] === null || typeof value[0] === 'string') &&
      Number.isInteger(value[1]) &&
      (value[1] as number) >= 0
    ) {
      return { token: value[0] as string | null, index: value[1] as number };
    }
  } catch {
    // fall through to the error below
  }
  throw invalidCursor(cursor);
}

/** Encodes any JSON value as an opaque cursor (for connections that hold more than one position). */
export function encodeOpaque(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeOpaque}; the caller validates the shape. */
export function decodeOpaque(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor(cursor);
  }
}

/** The `BAD_USER_INPUT` error for a cursor this gateway did not make. */
export function invalidCursor(cursor: string): GatewayError {
  return new GatewayError('BAD_USER_INPUT', `"${cursor.slice(0, 80)}" is not a valid cursor`);
}
