import type { AddressInfo } from 'node:net';
import type { Config } from './config/config.js';
import { createGateway } from './server/createGateway.js';
import { createLogger, flushLogger } from './server/logger.js';
import { placesOf, startBanner } from './server/startBanner.js';
import type { Demo } from './simulators/startDemo.js';
import type { Tracing } from './telemetry/startTracing.js';

/**
 * Runs the gateway until SIGTERM or SIGINT. With no service URL set, starts
 * every simulator in process first and points the gateway at them (demo
 * mode). `tracing`, when started, is flushed on the way out.
 */
export async function run(initial: Config, tracing: Tracing | undefined): Promise<void> {
  let config = initial;
  const logger = createLogger(config.logLevel);
  let demo: Demo | undefined;
  if (config.demo) {
    // The simulators are loaded only in demo mode: a gateway in front of real services never holds them.
    const { startDemo } = await import('./simulators/startDemo.js');
    demo = await startDemo(config);
    config = demo.config;
    logger.warn(
      { simulators: demo.simulators.urls },
      'DEMO MODE: no service URL is set, so every upstream is a simulator running in this process with seeded data. Set CIRCLECI_URL, GHES_URL, GITLAB_URL, CONCORD_URL or FLEXSTACK_URL to use real services.',
    );
  }
  const gateway = await createGateway({ config, logger });
  logger.info({ cache: gateway.cache.store.kind }, `Cache: ${gateway.cache.describe()}`);
  const url = await gateway.listen();
  if (demo !== undefined) {
    const { port } = gateway.server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    demo.deliverWebhooksTo(`http://${host.includes(':') ? `[${host}]` : host}:${port}`);
    logger.info(
      'DEMO MODE: the CircleCI and FlexStack simulators deliver signed webhooks to /webhooks/circleci and /webhooks/flexstack; subscribe over WebSocket at the GraphQL endpoint',
    );
  }
  const places = placesOf(url, config.explorer);
  logger.info({ ...places, demo: config.demo }, `Switchyard GraphQL endpoint: ${url}`);
  process.stderr.write(startBanner(places, demo?.simulators.urls));

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
      await demo?.close();
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
