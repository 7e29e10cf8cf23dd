import { SimError, type SimRequest } from '../../core/Simulator.js';
import { offsetFromToken, offsetToken, pageFrom } from '../../core/paging.js';
import type { CircleCiStore, SimProject, SimUser } from '../store.js';

/** CircleCI's page size for most lists. */
export const pageSize = 20;

/** The authenticated user of a request (auth has already passed). */
export function userOf(store: CircleCiStore, req: SimRequest): SimUser {
  const user = store.userByToken(tokenOf(req) ?? '');
  if (user === undefined) throw new SimError(401, 'You must log in first.');
  return user;
}

/** The token a request carries: `Circle-Token`, Basic auth user name, or the deprecated query parameter. */
export function tokenOf(req: SimRequest): string | undefined {
  const header = req.headers['circle-token'];
  if (header !== undefined && header !== '') return header;
  const authorization = req.headers['authorization'];
  if (authorization?.startsWith('Basic ') === true) {
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    return decoded.split(':')[0];
  }
  return req.query.get('circle-token') ?? undefined;
}

/** A project the user can see, or a 404 as CircleCI answers for both missing and hidden projects. */
export function visibleProject(store: CircleCiStore, req: SimRequest, slug: string): SimProject {
  const user = userOf(store, req);
  const normalized = slug.replace(/^github\//, 'gh/').replace(/^bitbucket\//, 'bb/');
  const project = store.projects.find((candidate) => candidate.slug === normalized || `circleci/${candidate.id}` === normalized);
  if (project === undefined || !store.canSee(user, project.slug)) throw new SimError(404, 'Project not found');
  return project;
}

/** `{ items, next_page_token }` for one page of a list. */
export function itemsPage<T>(req: SimRequest, items: readonly T[], map: (item: T) => unknown, size = pageSize): { status: 200; body: unknown } {
  const page = pageFrom(items, offsetFromToken(req.query.get('page-token')), size);
  return {
    status: 200,
    body: { items: page.items.map(map), next_page_token: page.nextOffset === null ? null : offsetToken(page.nextOffset) },
  };
}
