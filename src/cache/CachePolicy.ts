import type { ServiceName } from '../config/ServiceName.js';
import type { HttpMethod } from './types.js';
import { finishedStates, type FinishedStates, type PurgeTarget, type ReadKind } from './rules.js';
import type { CacheKind } from '../config/cacheSettings.js';
import { UnreachableCaseError } from '../errors/UnreachableCaseError.js';

/** How a read is cached, as its operation says: its TTL kind and the path template it was read under. */
export interface ReadClass {
  readonly kind: ReadKind;
  /** The operation's path template; entries read under it share a route tag. */
  readonly route: string | undefined;
  /** The read's own final states of a run, when it has them. */
  readonly finished?: FinishedStates | undefined;
  /** The other paths of the resource, from its body: given by the operation that read it, which knows its parameters. */
  readonly aliasesOf?: ((body: unknown) => readonly string[]) | undefined;
}

/** How a read that names no operation is cached: a list or an object, by its body. */
export const unclassifiedRead: ReadClass = { kind: 'object', route: undefined };

/** Tag of every entry at exactly this path, whatever its query. */
export const exactTag = (service: ServiceName, path: string): string => `x:${service}:${path}`;
/** Tag of every entry at this path or below it. */
export const subtreeTag = (service: ServiceName, path: string): string => `s:${service}:${path}`;
/** Tag of every entry read under this read rule. */
export const routeTag = (service: ServiceName, route: string): string => `t:${service}:${route}`;

function itemsOf(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (body !== null && typeof body === 'object') {
    for (const field of ['items', 'data']) {
      const value = (body as Record<string, unknown>)[field];
      if (Array.isArray(value)) return value;
    }
  }
  return undefined;
}

/** The tag of a resolved purge target. */
function targetTag(service: ServiceName, target: PurgeTarget): string {
  if ('route' in target) return routeTag(service, target.route);
  if ('exact' in target) return exactTag(service, target.exact);
  return subtreeTag(service, target.subtree);
}

/** A body field by name, `a.b` reaching into nested objects. */
function fieldOf(value: unknown, field: string): unknown {
  let current = value;
  for (const name of field.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}

/** `/a/b/c` → `['/a', '/a/b', '/a/b/c']`. */
export function pathPrefixes(path: string): string[] {
  const parts = path.split('/').filter((part) => part !== '');
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
}

/**
 * How long an answer stays fresh, which tags it carries, and which tags a
 * write purges. What each read is and what each write purges beyond its own
 * path come from its operation; this adds what every path says (its
 * ancestors hold it) and each service's run states.
 */
export class CachePolicy {
  constructor(private readonly finished: Readonly<Record<ServiceName, FinishedStates>> = finishedStates) {}

  /** Whether a run (or list item) will not change again, from its status field: the read's own states, else the service's. */
  isFinished(service: ServiceName, value: unknown, states?: FinishedStates | undefined): boolean {
    if (value === null || typeof value !== 'object') return false;
    const { fields, values } = states ?? this.finished[service];
    for (const field of fields) {
      const status = fieldOf(value, field);
      if (typeof status === 'string') return values.includes(status);
    }
    return false;
  }

  /** Which TTL applies to an answer of a read of this class; undefined when it must not be cached. */
  ttlKind(service: ServiceName, read: ReadClass, body: unknown): CacheKind | undefined {
    switch (read.kind) {
      case 'none':
        return undefined;
      case 'immutable':
        return 'RUN_FINISHED';
      case 'run':
        return this.isFinished(service, body, read.finished) ? 'RUN_FINISHED' : 'RUN_ACTIVE';
      case 'runs':
        return (itemsOf(body) ?? []).every((item) => this.isFinished(service, item, read.finished)) ? 'LIST' : 'RUN_ACTIVE';
      case 'settings':
        return 'SETTINGS';
      case 'list':
        return 'LIST';
      case 'object':
        // Without an operation, the body's shape says whether it is a list.
        return read.route === undefined && itemsOf(body) !== undefined ? 'LIST' : 'OBJECT';
      default:
        throw new UnreachableCaseError(read.kind);
    }
  }

  /**
   * The tags of an entry at `path`: its exact path, every prefix (subtree),
   * and its operation's template; and the same path tags for each other
   * name of the resource its body gives (see {@link ReadClass.aliasesOf}).
   */
  entryTags(service: ServiceName, path: string, read: ReadClass, body?: unknown): string[] {
    const tags = new Set([exactTag(service, path), ...pathPrefixes(path).map((prefix) => subtreeTag(service, prefix))]);
    if (read.route !== undefined) tags.add(routeTag(service, read.route));
    const aliases = read.aliasesOf === undefined || body === null || typeof body !== 'object' ? [] : read.aliasesOf(body);
    for (const alias of aliases) {
      tags.add(exactTag(service, alias));
      for (const prefix of pathPrefixes(alias)) tags.add(subtreeTag(service, prefix));
    }
    return [...tags];
  }

  /**
   * Every tag a write makes stale: for PUT, PATCH and DELETE the path and
   * everything below it, for POST (a create or an action) the path itself;
   * for all, each ancestor path (the lists and objects holding it); plus
   * what the path does not say, its operation's `purges`. A webhook event
   * names paths only, as a PATCH of each.
   */
  writeTags(service: ServiceName, method: HttpMethod, path: string, purges: readonly PurgeTarget[] = []): string[] {
    const tags = new Set<string>();
    const prefixes = pathPrefixes(path);
    const self = prefixes.pop() ?? '/';
    tags.add(method === 'POST' ? exactTag(service, self) : subtreeTag(service, self));
    for (const prefix of prefixes) tags.add(exactTag(service, prefix));
    for (const target of purges) tags.add(targetTag(service, target));
    return [...tags];
  }
}
