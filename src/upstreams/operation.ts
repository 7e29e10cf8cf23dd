import type { HttpMethod } from './http/types.js';
import type { ResponseShape } from './responseShape.js';

/** The `{name}` parameters of a path template, as a union of names. */
export type PathParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParamNames<Rest> : never;

/**
 * How one path parameter's value becomes path segments. By default a value
 * is one segment: any text but empty, `.`, `..` or control characters,
 * percent-encoded whole (so `/`, `?` and `#` cannot leave it).
 */
export interface PathParam {
  /**
   * `/`-separated segments the value spans, each one checked and encoded on
   * its own: exactly this many, or `[min, max]` (a CircleCI project slug is
   * three, `gh/acme/api`).
   */
  readonly segments?: number | readonly [min: number, max: number];
  /**
   * The value may hold `/`, and is sent as one segment with `/` encoded
   * (GitLab's `group%2Fsub%2Fname` project ids); each `/`-part is still
   * checked like a segment.
   */
  readonly slashesEncoded?: boolean;
  /** The shape the whole value must have, checked before any call. */
  readonly pattern?: RegExp;
  /** The shape in words, for the error: `a project slug such as gh/acme/api`. */
  readonly shape?: string;
}

/**
 * One REST operation of an upstream, stated once: the single source of its
 * method, path, parameters and the shape of its answer. Clients are tables of
 * these; `call` builds every URL from them; the simulators route by them;
 * cache rules are keyed by their ids.
 */
export interface Operation<Method extends HttpMethod = HttpMethod, Path extends string = string, Query extends string = string, Response = unknown> {
  /** The table key, and the service's own operation id where it has one. */
  readonly id: string;
  readonly method: Method;
  /** Path below the service's base URL, `{name}` for each parameter. */
  readonly path: Path;
  /** Parameters whose value is not one plain segment, or has a known form. */
  readonly params?: { readonly [Name in PathParamNames<Path>]?: PathParam } | undefined;
  /** The query parameters it takes. */
  readonly query?: readonly Query[] | undefined;
  /** What a 2xx body must look like; anything else is an upstream error. */
  readonly response?: ResponseShape<Response> | undefined;
}

/** An operation's definition as written in a table: its id is its key. */
export type OperationDefinition<Method extends HttpMethod = HttpMethod, Path extends string = string, Query extends string = string, Response = unknown> = Omit<
  Operation<Method, Path, Query, Response>,
  'id'
>;

/** Any operation, whatever its types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<HttpMethod, string, any, any>;

/** A table of operations by id. */
export type OperationTable = Readonly<Record<string, AnyOperation>>;

/** Defines one operation; its path, query names and response type are inferred from what is written. */
export function op<const Method extends HttpMethod, const Path extends string, const Query extends string = never, Response = unknown>(
  definition: OperationDefinition<Method, Path, Query, Response>,
): OperationDefinition<Method, Path, Query, Response> {
  return definition;
}

/** Turns `{ id: definition }` into `{ id: operation }`, each operation carrying its key as id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function operationTable<const Table extends Readonly<Record<string, OperationDefinition<HttpMethod, string, any, any>>>>(
  definitions: Table,
): { readonly [Id in keyof Table & string]: Table[Id] & { readonly id: Id } } {
  const table: Record<string, AnyOperation> = {};
  for (const [id, definition] of Object.entries(definitions)) table[id] = Object.freeze({ id, ...definition }) as AnyOperation;
  return Object.freeze(table) as never;
}

/** The path parameter values of a call. */
export type PathValues<O extends AnyOperation> = { readonly [Name in PathParamNames<O['path']>]: string | number };

/** The wire type of an operation's 2xx body. */
export type ResponseOf<O extends AnyOperation> = O extends Operation<HttpMethod, string, string, infer Response> ? Response : unknown;

/** The query parameter names of an operation. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type QueryOf<O extends AnyOperation> = O extends Operation<HttpMethod, string, infer Query, any> ? Query : never;
