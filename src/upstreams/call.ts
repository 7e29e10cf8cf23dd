import type { ReadClass } from '../cache/CachePolicy.js';
import type { CacheRulesOf, OperationPurge, PurgeTarget, ReadPolicy } from '../cache/rules.js';
import type { ServiceName } from '../config/ServiceName.js';
import { buildPath } from './buildPath.js';
import type { QueryValue, UpstreamResponse } from './http/types.js';
import type { UpstreamSession } from './http/UpstreamSession.js';
import type { AnyOperation, OperationTable, PathParamNames, QueryOf, ResponseOf } from './operation.js';

/** The path parameters of a call: required when its operation's path has any. */
type PathArgs<O extends AnyOperation> = [PathParamNames<O['path']>] extends [never]
  ? { readonly path?: undefined }
  : { readonly path: { readonly [Name in PathParamNames<O['path']>]: string | number } };

/** What one call of an operation sends: path parameters, query, body. */
export type CallArgs<O extends AnyOperation> = PathArgs<O> & {
  readonly query?: { readonly [Name in QueryOf<O>]?: QueryValue } | undefined;
  /** A JSON body (or a raw string with `contentType`). */
  readonly body?: unknown;
  readonly contentType?: string | undefined;
};

/** A service's operations bound to one request's session: a method per operation id. */
export type Api<Table extends OperationTable> = {
  readonly [Id in keyof Table]: (args: CallArgs<Table[Id]>) => Promise<UpstreamResponse<ResponseOf<Table[Id]>>>;
};

/** Every `{name}` of a template. */
function paramNames(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] as string);
}

/** The query of a call, with only the parameters its operation declares. */
function declaredQuery(operation: AnyOperation, query: Readonly<Record<string, QueryValue>> | undefined): Readonly<Record<string, QueryValue>> | undefined {
  if (query === undefined || operation.query === undefined) return undefined;
  const kept: Record<string, QueryValue> = {};
  for (const name of operation.query as readonly string[]) {
    if (query[name] !== undefined) kept[name] = query[name];
  }
  return kept;
}

/** How one operation's calls are made: everything that does not depend on the arguments, worked out once. */
interface Prepared {
  readonly operation: AnyOperation;
  readonly read: ReadClass | undefined;
  readonly aliases: ReadPolicy['aliases'];
  readonly purges: readonly OperationPurge[];
  readonly check: ((body: unknown) => string | null) | undefined;
}

/** The path of the read `target` names, its parameters taken from a write's. */
function targetPath(table: OperationTable, target: { readonly params?: Readonly<Record<string, string>> | undefined }, id: string, values: Readonly<Record<string, string | number>> | undefined): string {
  const read = table[id] as AnyOperation;
  const mapped: Record<string, string | number> = {};
  for (const name of paramNames(read.path)) {
    const value = values?.[target.params?.[name] ?? name];
    if (value !== undefined) mapped[name] = value;
  }
  return buildPath(read, mapped);
}

/** A write's purges as paths and templates. */
function resolvePurges(table: OperationTable, purges: readonly OperationPurge[], values: Readonly<Record<string, string | number>> | undefined): PurgeTarget[] {
  return purges.map((purge): PurgeTarget => {
    if ('route' in purge) return { route: (table[purge.route] as AnyOperation).path };
    if ('exact' in purge) return { exact: targetPath(table, purge, purge.exact, values) };
    return { subtree: targetPath(table, purge, purge.subtree, values) };
  });
}

/** Fails at start when a rule names an operation that is not there, or a purge cannot fill a read's parameters. */
function checkRules(service: ServiceName, table: OperationTable, rules: Readonly<Record<string, ReadPolicy | readonly OperationPurge[]>>): void {
  for (const [id, operation] of Object.entries(table)) {
    const rule = rules[id];
    if (rule === undefined) throw new Error(`${service}: no cache rule for ${id}`);
    if (operation.method === 'GET' ? Array.isArray(rule) : !Array.isArray(rule)) throw new Error(`${service}: ${id} has a cache rule of the wrong kind`);
    if (!Array.isArray(rule)) continue;
    const writeParams = new Set(paramNames(operation.path));
    for (const purge of rule as readonly OperationPurge[]) {
      const targetId = 'route' in purge ? purge.route : 'exact' in purge ? purge.exact : purge.subtree;
      const target = table[targetId];
      if (target === undefined || target.method !== 'GET') throw new Error(`${service}: ${id} purges ${targetId}, which is not a read`);
      if ('route' in purge) continue;
      for (const name of paramNames(target.path)) {
        const from = purge.params?.[name] ?? name;
        if (!writeParams.has(from)) throw new Error(`${service}: ${id} cannot fill {${name}} of ${targetId}`);
      }
    }
  }
}

/**
 * Makes a service's API from its table of operations and their cache rules:
 * an object per request with a method per operation, each building its URL
 * with {@link buildPath}, sending through the request's session and checking
 * the answer's shape. The methods are made once, here, on a shared prototype.
 */
export function apiOf<Table extends OperationTable>(service: ServiceName, table: Table, rules: CacheRulesOf<Table>): (session: UpstreamSession) => Api<Table> {
  const ruleOf = rules as unknown as Readonly<Record<string, ReadPolicy | readonly OperationPurge[]>>;
  checkRules(service, table, ruleOf);
  const prototype: Record<string, unknown> = {};
  for (const [id, operation] of Object.entries(table)) {
    const rule = ruleOf[id] as ReadPolicy | readonly OperationPurge[];
    const prepared: Prepared =
      operation.method === 'GET'
        ? {
            operation,
            read: { kind: (rule as ReadPolicy).kind, route: operation.path, finished: (rule as ReadPolicy).finished },
            aliases: (rule as ReadPolicy).aliases,
            purges: [],
            check: operation.response?.check,
          }
        : { operation, read: undefined, aliases: undefined, purges: rule as readonly OperationPurge[], check: operation.response?.check };
    prototype[id] = function (this: { readonly session: UpstreamSession }, args: CallArgs<AnyOperation>): Promise<UpstreamResponse> {
      return send(this.session, table, prepared, args);
    };
  }
  return (session) => Object.assign(Object.create(prototype) as object, { session }) as Api<Table>;
}

function send(session: UpstreamSession, table: OperationTable, prepared: Prepared, args: CallArgs<AnyOperation>): Promise<UpstreamResponse> {
  const { operation } = prepared;
  const values = args.path as Readonly<Record<string, string | number>> | undefined;
  const path = buildPath(operation, values);
  const query = declaredQuery(operation, args.query as Readonly<Record<string, QueryValue>> | undefined);
  if (operation.method === 'GET') {
    const aliases = prepared.aliases;
    const read: ReadClass | undefined =
      aliases === undefined || prepared.read === undefined
        ? prepared.read
        : { ...prepared.read, aliasesOf: (body) => aliasPaths(operation, values, aliases, body, path) };
    return session.read({ path, query, route: operation.path, read, check: prepared.check });
  }
  return session.write({
    method: operation.method,
    path,
    query,
    route: operation.path,
    ...(args.body === undefined ? {} : { body: args.body }),
    ...(args.contentType === undefined ? {} : { contentType: args.contentType }),
    purges: resolvePurges(table, prepared.purges, values),
    check: prepared.check,
  });
}

/** The other paths of a resource read at `path`: its path with a parameter replaced by a field of its body. */
function aliasPaths(
  operation: AnyOperation,
  values: Readonly<Record<string, string | number>> | undefined,
  aliases: NonNullable<ReadPolicy['aliases']>,
  body: unknown,
  path: string,
): string[] {
  const paths: string[] = [];
  for (const { param, field } of aliases) {
    const value = (body as Readonly<Record<string, unknown>>)[field];
    if ((typeof value !== 'string' && typeof value !== 'number') || value === '') continue;
    let alias: string;
    try {
      alias = buildPath(operation, { ...values, [param]: value });
    } catch {
      continue; // A body field that could not name this resource in a path names no alias.
    }
    if (alias !== path) paths.push(alias);
  }
  return paths;
}
