import { Router } from '../core/Router.js';
import { Simulator } from '../core/Simulator.js';
import { seedStore } from './seed.js';
import { CircleCiStore } from './store.js';
import { tokenOf } from './routes/context.js';
import { checkoutKeyRoutes } from './routes/checkoutKeys.js';
import { envVarRoutes } from './routes/envVars.js';
import { jobOutputRoutes, jobRoutes } from './routes/jobs.js';
import { pipelineWriteRoutes } from './routes/pipelineWrites.js';
import { pipelineRoutes } from './routes/pipelines.js';
import { projectRoutes } from './routes/projects.js';
import { scheduleRoutes } from './routes/schedules.js';
import { userRoutes } from './routes/users.js';
import { workflowRoutes } from './routes/workflows.js';
import { contextRoutes } from './admin/contexts.js';
import { webhookRoutes } from './admin/webhooks.js';
import { insightsRoutes } from './admin/insights.js';
import { oidcRoutes } from './admin/oidc.js';
import { policyRoutes } from './admin/policy.js';
import { usageRoutes } from './admin/usage.js';
import { startLiveClock } from './liveClock.js';
import { circleCiRunControls } from './runControls.js';
import { CircleCiWebhookSender, type WebhookTarget } from './webhookSender.js';

/** How the CircleCI simulator is started. */
export interface CircleCiSimulatorOptions {
  readonly seed?: number | undefined;
  /** How long a running workflow takes to finish, in ms. */
  readonly runDurationMs?: number | undefined;
  /** Deliver signed webhooks here as workflows finish (can also be set later on `webhooks.target`). */
  readonly webhook?: WebhookTarget | undefined;
  /** Move running workflows on every so many ms without waiting for a request. */
  readonly advanceEveryMs?: number | undefined;
  /** Start a new pipeline every so many ms (the demo). */
  readonly newPipelineEveryMs?: number | undefined;
}

/** The CircleCI simulator and its data. */
export interface CircleCiSimulator {
  readonly simulator: Simulator;
  readonly store: CircleCiStore;
  /** Outbound webhook delivery; set `target` to start delivering. */
  readonly webhooks: CircleCiWebhookSender;
  /** Stops the clock and waits for deliveries in flight (the HTTP server is closed with the simulator). */
  stop(): Promise<void>;
}

/**
 * A simulator of CircleCI API v2 under `/api/v2`: `Circle-Token` (or Basic)
 * auth, `{ items, next_page_token }` pages of 20, `{ "message" }` errors and
 * 429 with `Retry-After`. Running workflows finish as time passes.
 */
export function createCircleCiSimulator(options: CircleCiSimulatorOptions = {}): CircleCiSimulator {
  const store = new CircleCiStore({ runDurationMs: options.runDurationMs });
  seedStore(store, options.seed ?? 42, Date.now());
  const webhooks = new CircleCiWebhookSender(store);
  webhooks.target = options.webhook;
  store.onWorkflowFinished = (workflow, jobs) => webhooks.workflowFinished(workflow, jobs);
  const clock =
    options.advanceEveryMs === undefined ? undefined : startLiveClock(store, { advanceEveryMs: options.advanceEveryMs, newPipelineEveryMs: options.newPipelineEveryMs });
  const router = new Router();
  // More specific project routes first: `/project/:slug{3}` would also match them.
  pipelineRoutes(router, store);
  pipelineWriteRoutes(router, store);
  userRoutes(router, store);
  jobRoutes(router, store);
  scheduleRoutes(router, store);
  envVarRoutes(router, store);
  checkoutKeyRoutes(router, store);
  // After every `/project/{slug}/<word>/…` route: its job-number segment matches any word.
  jobOutputRoutes(router, store);
  workflowRoutes(router, store);
  projectRoutes(router, store);
  contextRoutes(router, store);
  webhookRoutes(router, store);
  insightsRoutes(router, store);
  oidcRoutes(router, store);
  policyRoutes(router, store);
  usageRoutes(router, store);
  const simulator = new Simulator({
    name: 'circleci',
    basePath: '/api/v2',
    router,
    authenticate: (req) => {
      // Each request first lets simulated time move running workflows on.
      store.advance();
      const token = tokenOf(req);
      if (token === undefined || store.userByToken(token) === undefined) {
        return { status: 401, body: { message: 'You must log in first.' } };
      }
      return null;
    },
    errorResponse: (status, message) => ({ status, body: { message } }),
    rateLimited: (retryAfter, limit) => ({
      status: 429,
      body: { message: 'Rate limit exceeded' },
      headers: { 'retry-after': String(retryAfter), 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': '0' },
    }),
    credentialOf: (req) => tokenOf(req) ?? '',
    controls: circleCiRunControls(store),
  });
  return {
    simulator,
    store,
    webhooks,
    async stop() {
      clock?.stop();
      await webhooks.flush();
    },
  };
}
