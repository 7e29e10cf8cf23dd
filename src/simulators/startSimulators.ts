import type { ServiceName } from '../config/ServiceName.js';
import type { Simulator } from './core/Simulator.js';
import { createCircleCiSimulator, type CircleCiSimulator } from './circleci/createCircleCiSimulator.js';
import { createGhesSimulator, ghesNonAdminToken, type GhesSimulator } from './ghes/createGhesSimulator.js';
import { createConcordSimulator, type ConcordSimulator } from './concord/createConcordSimulator.js';
import { createFlexStackSimulator, type FlexStackSimulator } from './flexstack/createFlexStackSimulator.js';
import { createGitLabSimulator, type GitLabSimulator } from './gitlab/createGitLabSimulator.js';
import type { WebhookTarget } from './circleci/webhookSender.js';
import type { FlexStackWebhookTarget } from './flexstack/webhookSender.js';
import type { GitLabWebhookTarget } from './gitlab/webhookSender.js';

/** Every simulator, started. */
export interface RunningSimulators {
  readonly circleci: CircleCiSimulator;
  readonly ghes: GhesSimulator;
  readonly concord: ConcordSimulator;
  readonly flexstack: FlexStackSimulator;
  readonly gitlab: GitLabSimulator;
  /** Each service's simulator, by service. */
  readonly byService: Readonly<Partial<Record<ServiceName, Simulator>>>;
  /** Each service's base URL. */
  readonly urls: Readonly<Partial<Record<ServiceName, string>>>;
  /** A credential each simulator accepts, for the demo. */
  readonly tokens: Readonly<Partial<Record<ServiceName, string>>>;
  /** A credential each simulator accepts but with fewer rights (GHES: not a site admin). */
  readonly restrictedTokens: Readonly<Partial<Record<ServiceName, string>>>;
  close(): Promise<void>;
}

/** Fixed ports for `npm run simulators`; port 0 (any free port) is used in process. */
export const standalonePorts: Readonly<Record<ServiceName, number>> = {
  circleci: 4101,
  ghes: 4102,
  gitlab: 4103,
  concord: 4104,
  flexstack: 4105,
};

/** Which simulators to start, where, and with what options. */
export interface StartSimulatorsOptions {
  readonly host?: string | undefined;
  /** Use the fixed standalone ports instead of free ones. */
  readonly fixedPorts?: boolean | undefined;
  readonly runDurationMs?: number | undefined;
  /** CircleCI: deliver signed webhooks here. */
  readonly circleciWebhook?: WebhookTarget | undefined;
  /** CircleCI: move running workflows on by a timer, every so many ms. */
  readonly advanceEveryMs?: number | undefined;
  /** CircleCI: start a new demo pipeline every so many ms. */
  readonly newPipelineEveryMs?: number | undefined;
  /** FlexStack: deliver signed deployment webhooks here. */
  readonly flexstackWebhook?: FlexStackWebhookTarget | undefined;
  /** FlexStack: start a demo deployment every so many ms. */
  readonly deployEveryMs?: number | undefined;
  /** GitLab: deliver Pipeline Hooks here. */
  readonly gitlabWebhook?: GitLabWebhookTarget | undefined;
}

/** Starts every simulator on loopback. */
export async function startSimulators(options: StartSimulatorsOptions = {}): Promise<RunningSimulators> {
  const host = options.host ?? '127.0.0.1';
  const circleci = createCircleCiSimulator({
    runDurationMs: options.runDurationMs,
    webhook: options.circleciWebhook,
    advanceEveryMs: options.advanceEveryMs,
    newPipelineEveryMs: options.newPipelineEveryMs,
  });
  const ghes = createGhesSimulator();
  const concord = createConcordSimulator();
  const flexstack = createFlexStackSimulator({ webhook: options.flexstackWebhook, deployEveryMs: options.deployEveryMs });
  const gitlab = createGitLabSimulator({ webhook: options.gitlabWebhook });
  const byService: Partial<Record<ServiceName, Simulator>> = {
    circleci: circleci.simulator,
    ghes: ghes.simulator,
    concord: concord.simulator,
    flexstack: flexstack.simulator,
    gitlab: gitlab.simulator,
  };
  const urls: Partial<Record<ServiceName, string>> = {};
  for (const [service, simulator] of Object.entries(byService) as [ServiceName, Simulator][]) {
    urls[service] = await simulator.listen(options.fixedPorts === true ? standalonePorts[service] : 0, host);
  }
  return {
    circleci,
    ghes,
    gitlab,
    concord,
    flexstack,
    byService,
    urls,
    tokens: {
      circleci: 'demo-circleci-token',
      ghes: 'demo-ghes-token',
      gitlab: 'demo-gitlab-token',
      concord: 'demo-concord-token',
      flexstack: 'demo-flexstack-token',
    },
    restrictedTokens: { ghes: ghesNonAdminToken },
    async close() {
      await circleci.stop();
      await flexstack.stop();
      await gitlab.stop();
      await Promise.all(Object.values(byService).map((simulator) => simulator.close()));
    },
  };
}
