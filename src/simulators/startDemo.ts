import { randomBytes } from 'node:crypto';
import type { Config } from '../config/config.js';
import type { ServiceName } from '../config/ServiceName.js';
import { startDemoRuns } from './demoRuns.js';
import { startSimulators, type RunningSimulators } from './startSimulators.js';

/** Demo mode, started: the simulators and the configuration that points the gateway at them. */
export interface Demo {
  readonly simulators: RunningSimulators;
  /** The configuration given, with every simulator as a service (and its demo token) and both webhook secrets set. */
  readonly config: Config;
  /** Has the CircleCI and FlexStack simulators deliver their signed webhooks to a gateway listening at `origin`. */
  deliverWebhooksTo(origin: string): void;
  close(): Promise<void>;
}

/**
 * Starts every simulator in process with its seeded data and its timers
 * (CircleCI moves runs on and starts new pipelines, FlexStack deploys,
 * GitLab pipelines and Concord processes start and run), as `npm start` does
 * when no service URL is set.
 */
export async function startDemo(config: Config): Promise<Demo> {
  // Simulated time moves by itself and new pipelines start, so subscriptions show live changes.
  const simulators = await startSimulators({ advanceEveryMs: 1_000, newPipelineEveryMs: 30_000, deployEveryMs: 20_000 });
  const runs = startDemoRuns(simulators, { everyMs: 25_000, stepMs: 4_000 });
  const circleciSecret = config.live.webhookSecrets.circleci ?? randomBytes(32).toString('hex');
  const flexstackSecret = config.live.webhookSecrets.flexstack ?? randomBytes(32).toString('hex');
  const services: Partial<Record<ServiceName, { url: string; token: string | undefined }>> = {};
  for (const [service, url] of Object.entries(simulators.urls) as [ServiceName, string][]) {
    services[service] = { url, token: simulators.tokens[service] };
  }
  return {
    simulators,
    config: Object.freeze({
      ...config,
      services,
      live: { ...config.live, webhookSecrets: { ...config.live.webhookSecrets, circleci: circleciSecret, flexstack: flexstackSecret } },
    }),
    deliverWebhooksTo(origin) {
      simulators.circleci.webhooks.target = { url: `${origin}/webhooks/circleci`, secret: circleciSecret };
      simulators.flexstack.webhooks.target = { url: `${origin}/webhooks/flexstack`, secret: flexstackSecret };
    },
    close: async () => {
      runs.stop();
      await simulators.close();
    },
  };
}
