import { Router } from '../core/Router.js';
import { Simulator } from '../core/Simulator.js';
import { seedStore } from './seed.js';
import { seedPipelines } from './seedPipelines.js';
import { GitLabStore } from './store.js';
import { tokenOf } from './routes/context.js';
import { hookRoutes } from './routes/hooks.js';
import { memberRoutes } from './routes/members.js';
import { pipelineRoutes } from './routes/pipelines.js';
import { projectRoutes } from './routes/projects.js';
import { gitLabRunControls } from './runControls.js';
import { GitLabWebhookSender, type GitLabWebhookTarget } from './webhookSender.js';

/** How the GitLab simulator is started. */
export interface GitLabSimulatorOptions {
  readonly seed?: number | undefined;
  /** Deliver Pipeline Hooks here (can also be set later on `webhooks.target`). */
  readonly webhook?: GitLabWebhookTarget | undefined;
}

/** The GitLab simulator and its data. */
export interface GitLabSimulator {
  readonly simulator: Simulator;
  readonly store: GitLabStore;
  /** Pipeline Hook delivery of the run controls' changes; set `target` to start delivering. */
  readonly webhooks: GitLabWebhookSender;
  /** Waits for deliveries in flight (the HTTP server closes with `simulator.close()`). */
  stop(): Promise<void>;
}

const basePath = '/api/v4';

/**
 * A simulator of GitLab REST v4 under `/api/v4` (projects, members, hooks,
 * pipelines and jobs): `PRIVATE-TOKEN` (or Bearer) auth with anonymous reads
 * of public projects, offset and keyset pagination headers, `{message}` /
 * `{message: {field: […]}}` / `{error}` bodies, and 429 with `Retry-After`
 * and `RateLimit-*` when a token's quota is spent.
 */
export function createGitLabSimulator(options: GitLabSimulatorOptions = {}): GitLabSimulator {
  const store = new GitLabStore();
  seedStore(store, options.seed ?? 4);
  seedPipelines(store, options.seed ?? 4);
  const webhooks = new GitLabWebhookSender(store);
  webhooks.target = options.webhook;
  const router = new Router();
  memberRoutes(router, store, basePath);
  hookRoutes(router, store, basePath);
  pipelineRoutes(router, store, basePath);
  projectRoutes(router, store, basePath);
  const simulator = new Simulator({
    name: 'gitlab',
    basePath,
    router,
    authenticate: (req) => {
      const token = tokenOf(req);
      if (token === undefined && req.method === 'GET') return null;
      if (token === undefined || store.userByToken(token) === undefined) return { status: 401, body: { message: '401 Unauthorized' } };
      return null;
    },
    errorResponse: (status, message, extra) => {
      if (extra?.['fields'] !== undefined) return { status, body: { message: extra['fields'] } };
      if (typeof extra?.['error'] === 'string') return { status, body: { error: extra['error'] } };
      // The core's own answers for unknown routes and methods, in GitLab's words.
      if (status === 404 && message === 'Not Found') return { status, body: { error: '404 Not Found' } };
      if (status === 405 && message === 'Method Not Allowed') return { status, body: { error: '405 Not Allowed' } };
      return { status, body: { message } };
    },
    rateLimited: (retryAfter, limit) => {
      const reset = new Date(Date.now() + retryAfter * 1000);
      return {
        status: 429,
        text: 'Retry later\n',
        headers: {
          'retry-after': String(retryAfter),
          'ratelimit-name': 'throttle_authenticated_api',
          'ratelimit-limit': String(limit),
          'ratelimit-observed': String(limit + 1),
          'ratelimit-remaining': '0',
          'ratelimit-reset': String(Math.floor(reset.getTime() / 1000)),
          'ratelimit-resettime': reset.toUTCString(),
        },
      };
    },
    credentialOf: (req) => tokenOf(req) ?? 'anonymous',
    controls: gitLabRunControls(store, webhooks),
  });
  return { simulator, store, webhooks, stop: () => webhooks.flush() };
}
