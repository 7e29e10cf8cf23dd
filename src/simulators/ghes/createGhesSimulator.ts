import type { SimRequest } from '../core/Router.js';
import { Simulator } from '../core/Simulator.js';
import { GhesStore } from './store.js';
import { GhesRouter, ghesError, tokenOf } from './routes/context.js';
import { hookRoutes } from './routes/hooks.js';
import { keyRoutes } from './routes/keys.js';
import { ldapRoutes } from './routes/ldap.js';
import { organizationRoutes } from './routes/organizations.js';
import { preReceiveRoutes } from './routes/preReceive.js';

/** How the GHES simulator is started. */
export interface GhesSimulatorOptions {
  readonly seed?: number | undefined;
  /** How long a started pre-receive environment download takes, in ms. */
  readonly downloadMs?: number | undefined;
}

/** The GHES simulator and its data. */
export interface GhesSimulator {
  readonly simulator: Simulator;
  readonly store: GhesStore;
}

/** A token of a user who is not a site admin: the admin API answers it 404. */
export const ghesNonAdminToken = 'ghes-token-octocat';

const rateLimitDocs = 'https://docs.github.com/enterprise-server@3.14/rest/using-the-rest-api/rate-limits-for-the-rest-api';

function rateHeaders(limit: number, used: number, resetAt: number): Record<string, string> {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(Math.max(0, limit - used)),
    'x-ratelimit-used': String(Math.min(used, limit)),
    'x-ratelimit-reset': String(Math.ceil(resetAt / 1000)),
    'x-ratelimit-resource': 'core',
  };
}

/**
 * A simulator of the GitHub Enterprise Server admin REST API under
 * `/api/v3`: Bearer (or `token`) auth, 401 `Bad credentials`, 404 on admin
 * routes for a token that is not a site admin, `page`/`per_page` lists with a
 * `Link` header, `x-ratelimit-*` headers on every answer, 403 (primary) or
 * 429 with `Retry-After` (secondary) when a quota is spent, and 422
 * `Validation Failed` with field errors.
 */
export function createGhesSimulator(options: GhesSimulatorOptions = {}): GhesSimulator {
  const store = new GhesStore({ seed: options.seed, downloadMs: options.downloadMs });
  const perRequest = new WeakMap<SimRequest, Record<string, string>>();
  // Answers made outside a route (faults, unknown paths) reuse the latest request's counters.
  let latest: Record<string, string> = rateHeaders(60, 0, Date.now() + 3_600_000);
  const router = new GhesRouter((req) => perRequest.get(req) ?? latest);
  hookRoutes(router, store);
  keyRoutes(router, store);
  ldapRoutes(router, store);
  organizationRoutes(router, store);
  preReceiveRoutes(router, store);

  const simulator = new Simulator({
    name: 'ghes',
    basePath: '/api/v3',
    router,
    authenticate: (req) => {
      store.advance();
      store.headerLog.push({
        method: req.method,
        path: req.path,
        accept: req.headers['accept'],
        apiVersion: req.headers['x-github-api-version'],
        authorization: req.headers['authorization']?.replace(/\s+\S+$/, ' ***'),
        contentType: req.headers['content-type'],
      });
      const token = tokenOf(req);
      const user = token === undefined ? undefined : store.userByToken(token);
      const usage = store.countRequest(user === undefined ? '' : (token ?? ''));
      const headers = rateHeaders(usage.limit, usage.used, usage.resetAt);
      perRequest.set(req, headers);
      latest = headers;
      if (token === undefined) return { ...ghesError(401, 'Requires authentication'), headers };
      if (user === undefined) return { ...ghesError(401, 'Bad credentials'), headers };
      // GHES hides the admin API from everyone but site admins.
      if (!user.siteAdmin && req.path.startsWith('/admin')) return { ...ghesError(404, 'Not Found'), headers };
      return null;
    },
    errorResponse: (status, message, extra) => ({ ...ghesError(status, message, extra), headers: latest }),
    rateLimited: (retryAfter, limit) => {
      if (store.rateLimitMode === 'secondary') {
        return {
          status: 429,
          body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: rateLimitDocs },
          headers: { ...latest, 'retry-after': String(retryAfter) },
        };
      }
      return {
        status: 403,
        body: { message: 'API rate limit exceeded for user.', documentation_url: rateLimitDocs },
        headers: rateHeaders(limit, limit, Date.now() + retryAfter * 1000),
      };
    },
    credentialOf: (req) => tokenOf(req) ?? '',
  });
  return { simulator, store };
}
