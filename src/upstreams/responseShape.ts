/**
 * What an upstream promises a 2xx body looks like, checked before the body
 * is used or cached: a body of another shape (a proxy's page, a changed API,
 * `{"unexpected":true}`) is an upstream error, never empty data.
 *
 * The checks are as lenient as the services are loose: a field's type is
 * checked only when it is present and not null, numbers may come as numeric
 * strings and booleans as `"true"`/`"false"` (CircleCI sends `"number": "25"`).
 * What they insist on is the container (an object, a list, a page) and the
 * presence of the fields every object of the kind carries.
 */

import { isJsonObject } from '../http/isJsonObject.js';

/** A field's loose type. */
export type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'any';

/** A body check; `T` is the wire type a body that passes is read as. */
export interface ResponseShape<T = unknown> {
  /** Null when the body fits, else what does not fit (for logs; never shown to clients). */
  check(body: unknown): string | null;
  /** Only carries `T` for the type checker. */
  readonly wire?: T | undefined;
}

/** Fields an object must carry: names (of any type), or names with their loose types. */
export type RequiredFields = readonly string[] | Readonly<Record<string, FieldType>>;

function fits(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'any':
      return true;
    case 'string':
      return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
    case 'number':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)));
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false';
    case 'object':
      return isJsonObject(value);
    case 'array':
      return Array.isArray(value);
  }
}

/** Required fields as checked: each name with its loose type, worked out once per shape, not per body. */
type FieldList = readonly (readonly [string, FieldType])[];

function fieldList(fields: RequiredFields): FieldList {
  return Array.isArray(fields)
    ? (fields as readonly string[]).map((name) => [name, 'any'] as const)
    : Object.entries(fields as Readonly<Record<string, FieldType>>);
}

/** Where in the body a problem is: the text is made only when there is a problem to report. */
function whereOf(where: string, index: number): string {
  return index < 0 ? where : `${where}[${index}]`;
}

/** What does not fit in `value`, an object at `where` (item `index` of the list there, when not -1). */
function objectProblem(value: unknown, fields: FieldList, where: string, index = -1): string | null {
  if (!isJsonObject(value)) return `${whereOf(where, index)} is ${Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`}, not an object`;
  for (const [name, type] of fields) {
    const field = value[name];
    if (field === undefined) return `${whereOf(where, index)} has no "${name}"`;
    if (field !== null && type !== 'any' && !fits(field, type)) return `${whereOf(where, index)}."${name}" is not a ${type}`;
  }
  return null;
}

function listProblem(value: unknown, item: FieldList, where: string): string | null {
  if (!Array.isArray(value)) return `${where} is not a list`;
  for (let i = 0; i < value.length; i++) {
    const problem = objectProblem(value[i], item, where, i);
    if (problem !== null) return problem;
  }
  return null;
}

/** An object carrying `fields`. */
export function objectOf<T>(fields: RequiredFields = []): ResponseShape<T> {
  const required = fieldList(fields);
  return { check: (body) => objectProblem(body, required, 'the body') };
}

/** A bare JSON list of objects each carrying `item`. */
export function listOf<T>(item: RequiredFields = []): ResponseShape<readonly T[]> {
  const required = fieldList(item);
  return { check: (body) => listProblem(body, required, 'the body') };
}

/**
 * A page object: the list of objects at `field` (each carrying `item`), and
 * the page's own fields (`next_page_token`, `has_more`) when `fields` names them.
 */
export function pageOf<T>(field: string, item: RequiredFields = [], fields: RequiredFields = []): ResponseShape<T> {
  const required = fieldList(item);
  const own = fieldList(fields);
  const where = `the body's "${field}"`;
  return {
    check: (body) => objectProblem(body, own, 'the body') ?? (isJsonObject(body) ? listProblem(body[field], required, where) : null),
  };
}

/** A list of objects, either bare or in a page object's `field` (endpoints that answer either). */
export function listOrPageOf<T>(field: string, item: RequiredFields = []): ResponseShape<T> {
  const required = fieldList(item);
  const where = `the body's "${field}"`;
  return {
    check: (body) => (Array.isArray(body) ? listProblem(body, required, 'the body') : isJsonObject(body) ? listProblem(body[field], required, where) : 'the body is neither a list nor a page'),
  };
}

/** Any body, or none (a 204, an action's acknowledgement). */
export function anyBody<T = unknown>(): ResponseShape<T> {
  return { check: () => null };
}

/** A body that must be JSON of some kind: an object or a list, not text. */
export function jsonBody<T = unknown>(): ResponseShape<T> {
  return { check: (body) => (body !== null && typeof body === 'object' ? null : 'the body is not JSON') };
}
