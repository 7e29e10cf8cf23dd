import { Router } from '../core/Router.js';
import { Simulator } from '../core/Simulator.js';
import { FlexStackStore } from './store.js';
import { codeForStatus, keyOf } from './routes/context.js';
import { deploymentRoutes } from './routes/deployments.js';
import { integrationRoutes } from './routes/integrations.js';
import { memberRoutes } from './routes/members.js';
import { projectRoutes } from './routes/projects.js';
import { flexStackRunControls } from './runControls.js';
import { FlexStackWebhookSender, type FlexStackWebhookTarget } from './webhookSender.js';

/** How the FlexStack simulator is started. */
export interface FlexStackSimulatorOptions {
  readonly seed?: number | undefined;
  /** Deliver signed deployment webhooks here (can also be set later on `webhooks.target`). */
  readonly webhook?: FlexStackWebhookTarget | undefined;
  /** Start a deployment of the next project every so many ms (each runs a few seconds; every fourth fails). */
  readonly deployEveryMs?: number | undefined;
}

/** The FlexStack simulator and its data. */
export interface FlexStackSimulator {
  readonly simulator: Simulator;
  readonly store: FlexStackStore;
  /** Simulated deployments and their outbound webhooks; set `target` to start delivering. */
  readonly webhooks: FlexStackWebhookSender;
  /** Stops the deployment timer and waits for deliveries in flight (the HTTP server closes with `simulator.close()`). */
  stop(): Promise<void>;
}

/** A deployment every `everyMs`, project after project, lasting a fifth of the interval (at most 5 s). */
function deployOnTimer(store: FlexStackStore, webhooks: FlexStackWebhookSender, everyMs: number): () => void {
  let count = 0;
  const timer = setInterval(() => {
    const project = store.projects[count % Math.max(store.projects.length, 1)];
    count++;
    if (project === undefined) return;
    webhooks.deploy(project.id, { durationMs: Math.min(everyMs / 5, 5_000), outcome: count % 4 === 0 ? 'failed' : 'succeeded' });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * A simulator of FlexStack's projects API under `/v1`: `X-API-Key` auth,
 * `{ data, has_more, next_page }` lists with base64 cursors, and
 * `{ code, message, cause? }` errors.
 */
export function createFlexStackSimulator(options: FlexStackSimulatorOptions = {}): FlexStackSimulator {
  const store = new FlexStackStore({ seed: options.seed });
  const webhooks = new FlexStackWebhookSender(store);
  webhooks.target = options.webhook;
  const stopTimer = options.deployEveryMs === undefined ? () => undefined : deployOnTimer(store, webhooks, options.deployEveryMs);
  const router = new Router();
  memberRoutes(router, store);
  integrationRoutes(router, store);
  deploymentRoutes(router, store);
  projectRoutes(router, store);
  const simulator = new Simulator({
    name: 'flexstack',
    basePath: '/v1',
    router,
    authenticate: (req) => {
      const key = keyOf(req);
      if (key !== undefined && store.keyOf(key) !== undefined) return null;
      return { status: 401, body: { code: 'unauthenticated', message: 'missing or invalid API key' } };
    },
    errorResponse: (status, message, extra) => {
      const cause = extra?.['cause'];
      return {
        status,
        body: { code: codeForStatus[status] ?? (status >= 500 ? 'internal' : 'bad_input'), message, ...(typeof cause === 'string' ? { cause } : {}) },
      };
    },
    rateLimited: (retryAfter) => ({
      status: 429,
      body: { code: 'rate', message: 'too many requests' },
      headers: { 'retry-after': String(retryAfter) },
    }),
    credentialOf: (req) => keyOf(req) ?? '',
    controls: flexStackRunControls(store, webhooks),
  });
  return {
    simulator,
    store,
    webhooks,
    async stop() {
      stopTimer();
      await webhooks.stop();
    },
  };
}
