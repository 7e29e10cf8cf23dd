import { Router, type SimHandler, type SimRequest, type SimResponse } from '../../core/Router.js';
import { SimError } from '../../core/Simulator.js';
import { isJsonObject } from '../../core/isJsonObject.js';
import { pageFrom } from '../../core/paging.js';

/** Where GHES points every error for its REST docs. */
export const docsUrl = 'https://docs.github.com/enterprise-server@3.14/rest';

/** One entry of a 422's `errors`. */
export interface GhesFieldError {
  readonly resource: string;
  readonly code: string;
  readonly field?: string;
  readonly message?: string;
}

/** GHES's error body: `{ message, documentation_url }`, plus `errors` on 422. */
export function ghesError(status: number, message: string, extra?: Readonly<Record<string, unknown>>): SimResponse {
  return { status, body: { message, ...extra, documentation_url: docsUrl } };
}

/** Throws GHES's 422 `Validation Failed` with its field errors. */
export function validationFailed(...errors: GhesFieldError[]): never {
  throw new SimError(422, 'Validation Failed', { errors });
}

/** Throws GHES's 404, which it also answers for admin routes a non-admin calls. */
export function notFound(): never {
  throw new SimError(404, 'Not Found');
}

/** The token a request carries: `Authorization: Bearer …` or the older `token …`. */
export function tokenOf(req: SimRequest): string | undefined {
  const match = /^(?:bearer|token)\s+(\S+)$/i.exec(req.headers['authorization']?.trim() ?? '');
  return match?.[1];
}

/** The instance origin as the client reached it, for the URLs in bodies and `Link`. */
export function originOf(req: SimRequest): string {
  return `http://${req.headers['host'] ?? '127.0.0.1'}`;
}

/** The JSON object body of a write; anything else is GHES's 400. */
export function bodyOf(req: SimRequest): Record<string, unknown> {
  const body = req.body ?? {};
  if (!isJsonObject(body)) throw new SimError(400, 'Problems parsing JSON');
  return body;
}

/** A path parameter that must be a number; else 404 as GHES routes do. */
export function numericParam(req: SimRequest, name: string): number {
  const value = req.params[name] ?? '';
  if (!/^\d+$/.test(value)) notFound();
  return Number(value);
}

function positive(value: string | null, fallback: number): number {
  return value !== null && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : fallback;
}

/**
 * One page of a list as GHES answers it: `per_page` (default 30, at most
 * 100) and `page` (from 1), and an RFC 8288 `Link` header with first, prev,
 * next and last pages that keeps the request's other query parameters.
 */
export function pagedList<T>(req: SimRequest, items: readonly T[], map: (item: T) => unknown): SimResponse {
  const perPage = Math.min(positive(req.query.get('per_page'), 30), 100);
  const page = positive(req.query.get('page'), 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = pageFrom(items, (page - 1) * perPage, perPage).items;
  const link = (target: number, rel: string): string => {
    const query = new URLSearchParams(req.query);
    query.set('per_page', String(perPage));
    query.set('page', String(target));
    return `<${originOf(req)}/api/v3${req.path}?${query.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, lastPage), 'prev'));
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { status: 200, body: slice.map(map), headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

/** Sorts by a key, in `direction` (GHES's default is desc). */
export function sortBy<T>(items: readonly T[], key: (item: T) => string | null, direction: string | null): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    // Never-used keys sort last in either direction.
    if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? 1 : -1;
    return ka < kb ? -sign : ka > kb ? sign : 0;
  });
}

/**
 * A router whose every answer, success or error, carries the rate-limit
 * headers GHES sends, computed by `headersFor` for the request.
 */
export class GhesRouter extends Router {
  constructor(private readonly headersFor: (req: SimRequest) => Record<string, string>) {
    super();
  }

  override add(method: string, pattern: string, handler: SimHandler): this {
    return super.add(method, pattern, async (req) => {
      let response: SimResponse;
      try {
        response = await handler(req);
      } catch (error) {
        if (!(error instanceof SimError)) throw error;
        response = ghesError(error.status, error.message, error.extra);
      }
      return { ...response, headers: { ...this.headersFor(req), ...response.headers } };
    });
  }
}
