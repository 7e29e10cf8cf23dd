import type { ServiceName } from '../config/ServiceName.js';
import type { HttpMethod } from './types.js';
import { PathPattern, pathPrefixes } from './pathPattern.js';
import { cacheRules, type FinishedStates, type PurgeTarget, type ReadAlias, type ReadKind, type ServiceCacheRules } from './rules.js';
import type { CacheKind } from '../config/cacheSettings.js';
import { UnreachableCaseError } from '../errors/UnreachableCaseError.js';

/** How a read is cached: its TTL kind, and the read rule (template) it matched. */
export interface ReadClass {
  readonly kind: ReadKind;
  readonly route: string | undefined;
  /** The rule's own final states of a run, when it has them. */
  readonly finished?: FinishedStates | undefined;
  /** The rule's other names of the resource, when it has them. */
  readonly aliases?: readonly ReadAlias[] | undefined;
  /** The other paths of the resource, from its body: given by the operation that read it, which knows its parameters. */
  readonly aliasesOf?: ((body: unknown) => readonly string[]) | undefined;
}

interface CompiledRead {
  readonly pattern: PathPattern;
  readonly kind: ReadKind;
  readonly finished: FinishedStates | undefined;
  readonly aliases: readonly ReadAlias[] | undefined;
}

interface CompiledRules {
  readonly source: ServiceCacheRules;
  readonly reads: readonly CompiledRead[];
  readonly writes: readonly { readonly pattern: PathPattern; readonly methods: readonly HttpMethod[]; readonly rule: ServiceCacheRules['writes'][number] }[];
}

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

/** The other paths of a resource read at `path`, from the fields of its body its read rule names. */
function aliasPaths(path: string, read: ReadClass, body: unknown): readonly string[] {
  if (read.aliasesOf !== undefined) return body === null || typeof body !== 'object' ? [] : read.aliasesOf(body);
  if (read.aliases === undefined || read.route === undefined || body === null || typeof body !== 'object') return [];
  const pattern = new PathPattern(read.route);
  const params = pattern.match(path);
  if (params === null) return [];
  const paths: string[] = [];
  for (const { param, field } of read.aliases) {
    const value = (body as Record<string, unknown>)[field];
    if ((typeof value !== 'string' && typeof value !== 'number') || value === '') continue;
    const alias = pattern.fill({ ...params, [param]: encodeURIComponent(String(value)) });
    if (alias !== path) paths.push(alias);
  }
  return paths;
}

/**
 * The cache rules of every service, compiled: what kind a read is, how long
 * its answer stays fresh, which tags it carries, and which tags a write
 * purges.
 */
export class CachePolicy {
  private readonly compiled: Readonly<Record<ServiceName, CompiledRules>>;

  constructor(rules: Readonly<Record<ServiceName, ServiceCacheRules>> = cacheRules) {
    const compiled = {} as Record<ServiceName, CompiledRules>;
    for (const [service, source] of Object.entries(rules) as [ServiceName, ServiceCacheRules][]) {
      compiled[service] = {
        source,
        reads: source.reads.map((rule) => ({ pattern: new PathPattern(rule.path), kind: rule.kind, finished: rule.finished, aliases: rule.aliases })),
        writes: source.writes.map((rule) => ({ pattern: new PathPattern(rule.path), methods: rule.methods, rule })),
      };
    }
    this.compiled = compiled;
  }

  /** The read rule a path falls under, if any. */
  classify(service: ServiceName, path: string): ReadClass {
    for (const read of this.compiled[service].reads) {
      if (read.pattern.match(path) === null) continue;
      return {
        kind: read.kind,
        route: read.pattern.pattern,
        ...(read.finished === undefined ? {} : { finished: read.finished }),
        ...(read.aliases === undefined ? {} : { aliases: read.aliases }),
      };
    }
    return { kind: 'object', route: undefined };
  }

  /** Whether a run (or list item) will not change again, from its status field: the read rule's own states, else the service's. */
  isFinished(service: ServiceName, value: unknown, states?: FinishedStates | undefined): boolean {
    if (value === null || typeof value !== 'object') return false;
    const { fields, values } = states ?? this.compiled[service].source.finished;
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
        // Without a rule, the body's shape says whether it is a list.
        return read.route === undefined && itemsOf(body) !== undefined ? 'LIST' : 'OBJECT';
      default:
        throw new UnreachableCaseError(read.kind);
    }
  }

  /**
   * The tags of an entry at `path`: its exact path, every prefix (subtree),
   * and its read rule; and the same path tags for each other name of the
   * resource its body gives (see {@link ReadAlias}).
   */
  entryTags(service: ServiceName, path: string, read: ReadClass, body?: unknown): string[] {
    const tags = new Set([exactTag(service, path), ...pathPrefixes(path).map((prefix) => subtreeTag(service, prefix))]);
    if (read.route !== undefined) tags.add(routeTag(service, read.route));
    for (const alias of aliasPaths(path, read, body)) {
      tags.add(exactTag(service, alias));
      for (const prefix of pathPrefixes(alias)) tags.add(subtreeTag(service, prefix));
    }
    return [...tags];
  }

  /**
   * Every tag a write makes stale: for PUT, PATCH and DELETE the path and
   * everything below it, for POST (a create or an action) the path itself;
   * for all, each ancestor path (the lists and objects holding it); plus what
   * the path does not say: the operation's own purges when the write names
   * them (`purges`), else the service's rules matching the path.
   */
  writeTags(service: ServiceName, method: HttpMethod, path: string, purges?: readonly PurgeTarget[]): string[] {
    const tags = new Set<string>();
    const prefixes = pathPrefixes(path);
    const self = prefixes.pop() ?? '/';
    tags.add(method === 'POST' ? exactTag(service, self) : subtreeTag(service, self));
    for (const prefix of prefixes) tags.add(exactTag(service, prefix));
    if (purges !== undefined) {
      for (const target of purges) tags.add(targetTag(service, target));
      return [...tags];
    }
    for (const write of this.compiled[service].writes) {
      if (!write.methods.includes(method)) continue;
      const params = write.pattern.match(path);
      if (params === null) continue;
      for (const target of write.rule.purge) {
        if ('route' in target) tags.add(routeTag(service, target.route));
        else if ('exact' in target) tags.add(exactTag(service, new PathPattern(target.exact).fill(params)));
        else tags.add(subtreeTag(service, new PathPattern(target.subtree).fill(params)));
      }
    }
    return [...tags];
  }
}
