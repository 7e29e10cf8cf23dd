import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Config } from './config/config.js';
import type { ServiceName } from './config/ServiceName.js';
import { createGateway } from './server/createGateway.js';
import { createLogger, flushLogger } from './server/logger.js';
import { placesOf, startBanner } from './server/startBanner.js';
import { startSimulators, type RunningSimulators } from './simulators/startSimulators.js';
import type { Tracing } from './telemetry/startTracing.js';

/**
 * Runs the gateway until SIGTERM or SIGINT. With no service URL set, starts
 * every simulator in process first and points the gateway at them (demo
 * mode). `tracing`, when started, is flushed on the way out.
 */
export async function run(initial: Config, tracing: Tracing | undefined): Promise<void> {
  let config = initial;
  const logger = createLogger(config.logLevel);
  let simulators: RunningSimulators | undefined;
  let demoWebhookSecret: string | undefined;
  let demoFlexStackSecret: string | undefined;
  if (config.demo) {
    // Simulated time moves by itself and new pipelines start, so subscriptions show live changes.
    simulators = await startSimulators({ advanceEveryMs: 1_000, newPipelineEveryMs: 30_000, deployEveryMs: 20_000 });
    demoWebhookSecret = config.live.webhookSecrets.circleci ?? randomBytes(32).toString('hex');
    demoFlexStackSecret = config.live.webhookSecrets.flexstack ?? randomBytes(32).toString('hex');
    const services: Partial<Record<ServiceName, { url: string; token: string | undefined }>> = {};
    for (const [service, url] of Object.entries(simulators.urls) as [ServiceName, string][]) {
      services[service] = { url, token: simulators.tokens[service] };
    }
    config = Object.freeze({
      ...config,
      services,
      live: { ...config.live, webhookSecrets: { ...config.live.webhookSecrets, circleci: demoWebhookSecret, flexstack: demoFlexStackSecret } },
    });
    logger.warn(
      { simulators: simulators.urls },
      'DEMO MODE: no service URL is set, so every upstream is a simulator running in this process with seeded data. Set CIRCLECI_URL, GHES_URL, GITLAB_URL, CONCORD_URL or FLEXSTACK_URL to use real services.',
    );
  }
  const gateway = await createGateway({ config, logger });
  logger.info({ cache: gateway.cache.store.kind }, `Cache: ${gateway.cache.describe()}`);
  const url = await gateway.listen();
  if (simulators !== undefined && demoWebhookSecret !== undefined && demoFlexStackSecret !== undefined) {
    const { port } = gateway.server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    simulators.circleci.webhooks.target = { url: `${origin}/webhooks/circleci`, secret: demoWebhookSecret };
    simulators.flexstack.webhooks.target = { url: `${origin}/webhooks/flexstack`, secret: demoFlexStackSecret };
    logger.info(
      'DEMO MODE: the CircleCI and FlexStack simulators deliver signed webhooks to /webhooks/circleci and /webhooks/flexstack; subscribe over WebSocket at the GraphQL endpoint',
    );
  }
  const places = placesOf(url, config.explorer);
  logger.info({ ...places, demo: config.demo }, `Switchyard GraphQL endpoint: ${url}`);
  process.stderr.write(startBanner(places, config.demo ? simulators?.urls : undefined));

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      // A second signal (Ctrl-C twice) does not wait for the grace period.
      logger.warn({ signal }, 'Stopping now, without waiting for in-flight requests');
      await flushLogger(logger);
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, graceMs: config.shutdownGraceMs }, 'Shutting down: finishing in-flight requests');
    try {
      await gateway.stop();
      await simulators?.close();
      await tracing?.shutdown();
    } catch (error) {
      logger.error({ err: error }, 'Shutdown failed');
      await flushLogger(logger);
      process.exit(1);
    }
    logger.info('Stopped');
    await flushLogger(logger);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

