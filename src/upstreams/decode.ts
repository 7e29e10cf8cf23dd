/**
 * Lenient readers for upstream JSON. Real services are looser than their
 * specs (CircleCI sends `"number": "25"` where an integer is declared), so
 * mappers read fields through these instead of trusting the declared type.
 */

import { isJsonObject } from '../http/isJsonObject.js';

/** An integer from a number or a numeric string; null otherwise. */
export function int(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** A finite number from a number or a numeric string; null otherwise. */
export function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** A string from a string or a number; null otherwise. */
export function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A boolean from a boolean or `"true"`/`"false"`; null otherwise. */
export function bool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}

/** An array, or an empty one when the field is missing or null. */
export function list<T = unknown>(value: unknown): readonly T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** The strings (or numbers, as strings) of a list, skipping other entries; empty when the field is missing. */
export function strList(value: unknown): string[] {
  return list(value)
    .map(str)
    .filter((item): item is string => item !== null);
}

/** An object, or null. */
export function obj(value: unknown): Readonly<Record<string, unknown>> | null {
  return isJsonObject(value) ? value : null;
}

/**
 * An upstream enum value as a GraphQL enum name (`setup-pending` →
 * `SETUP_PENDING`); values outside `known` become `UNKNOWN` rather than
 * failing the whole field.
 */
export function enumName<T extends string>(value: unknown, known: readonly T[]): T | 'UNKNOWN' {
  if (typeof value !== 'string') return 'UNKNOWN';
  const name = value.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
  return (known as readonly string[]).includes(name) ? (name as T) : 'UNKNOWN';
}
