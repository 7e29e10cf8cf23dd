import type { AnyOperation, PathParam } from '../../upstreams/operation.js';

/** A request as a simulator handler sees it. */
export interface SimRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** JSON-decoded body when it was JSON, the raw text otherwise, undefined when empty. */
  readonly body: unknown;
  readonly rawBody: string;
  readonly params: Readonly<Record<string, string>>;
}

/** What a handler answers: a JSON body unless `text` is given. */
export interface SimResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Answers one routed simulator request. */
export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

type Segment =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'param'; readonly name: string; readonly span: number }
  | { readonly kind: 'rest'; readonly name: string };

interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly segments: readonly Segment[];
  readonly handler: SimHandler;
}

function parsePattern(pattern: string): Segment[] {
  return pattern
    .split('/')
    .filter((part) => part !== '')
    .map((part): Segment => {
      if (part.startsWith('*')) return { kind: 'rest', name: part.slice(1) };
      const param = /^:([\w-]+)(?:\{(\d+)\})?$/.exec(part);
      if (param) return { kind: 'param', name: param[1] as string, span: Number(param[2] ?? 1) };
      return { kind: 'literal', value: part };
    });
}

function match(segments: readonly Segment[], parts: readonly string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  let at = 0;
  for (const segment of segments) {
    if (segment.kind === 'rest') {
      if (at >= parts.length) return null;
      params[segment.name] = parts.slice(at).map(decodeURIComponent).join('/');
      return params;
    }
    if (segment.kind === 'literal') {
      if (parts[at] !== segment.value) return null;
      at++;
      continue;
    }
    if (at + segment.span > parts.length) return null;
    params[segment.name] = parts
      .slice(at, at + segment.span)
      .map((part) => decodeURIComponent(part))
      .join('/');
    at += segment.span;
  }
  return at === parts.length ? params : null;
}

/**
 * A small method + path router. Patterns use `:name` for one segment,
 * `:name{3}` for a parameter spanning three segments (a CircleCI project
 * slug), and `*name` for the rest of the path. Routes match in the order added.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: SimHandler): this {
    this.routes.push({ method, pattern, segments: parsePattern(pattern), handler });
    return this;
  }

  /**
   * Routes an upstream operation: its method and path template (`{name}`,
   * spanning as many segments as the operation's parameter says; a
   * parameter of a varying count only at the end, as the rest of the path).
   */
  on(operation: AnyOperation, handler: SimHandler): this {
    const params = (operation.params ?? {}) as Readonly<Record<string, PathParam>>;
    const pattern = operation.path.replace(/\{([^{}]+)\}/g, (whole, name: string, at: number) => {
      const segments = params[name]?.segments;
      if (typeof segments === 'object') {
        if (at + whole.length === operation.path.length) return `*${name}`;
        throw new Error(`${operation.id}: a simulator route needs a fixed segment count for {${name}} before the end of the path`);
      }
      return segments === undefined || segments === 1 ? `:${name}` : `:${name}{${segments}}`;
    });
    return this.add(operation.method, pattern, handler);
  }

  get(pattern: string, handler: SimHandler): this {
    return this.add('GET', pattern, handler);
  }
  post(pattern: string, handler: SimHandler): this {
    return this.add('POST', pattern, handler);
  }
  put(pattern: string, handler: SimHandler): this {
    return this.add('PUT', pattern, handler);
  }
  patch(pattern: string, handler: SimHandler): this {
    return this.add('PATCH', pattern, handler);
  }
  delete(pattern: string, handler: SimHandler): this {
    return this.add('DELETE', pattern, handler);
  }

  /** Finds the route for a method and path (without the base path). */
  find(method: string, path: string): { route: Route; params: Record<string, string> } | { allowed: string[] } | null {
    const parts = path.split('/').filter((part) => part !== '');
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = match(route.segments, parts);
      if (params === null) continue;
      if (route.method === method) return { route, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { allowed } : null;
  }

  /** Every route, for listings and coverage checks. */
  list(): readonly { method: string; pattern: string }[] {
    return this.routes.map(({ method, pattern }) => ({ method, pattern }));
  }
}
